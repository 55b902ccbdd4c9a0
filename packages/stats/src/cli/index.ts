// labmig stats … command-line entry (runStatsCli).
