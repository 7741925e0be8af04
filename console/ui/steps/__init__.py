"""The visit's steps, one module per screen, in the order a visit walks them."""
