"""Clinical photos: standard views as data, import (one call for folder, file, CLI), compare."""
