"""Records: the patient history, charts, lists, recall, export and erasure."""
