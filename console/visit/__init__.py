"""One visit from screening to completion: the rules (pure) and the service that records them."""
