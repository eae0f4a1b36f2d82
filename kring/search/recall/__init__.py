"""The recall test set of search (issue 5): Dutch items, the queries a colleague would type
and the answer each query should find; loaded by `kring bench recall` and the suite."""
