"""The protocol library: checking, editing and the depth rules it holds."""
