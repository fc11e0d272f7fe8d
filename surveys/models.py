# Models of this stage are added by its own issue.
