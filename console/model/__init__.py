"""The domain's types and pure rules: what console.data returns and takes; no I/O."""
