#!/usr/bin/env Rscript
## A second reader for the .sav files ReadStat cannot read: R's foreign::read.spss (PSPP's code).
## Writes FILE.foreign.json (variable names, variable labels, values as text) beside each file named.
## Run from packages/stats/test/io:  Rscript foreign-oracle.R ../fixtures/io/gen_cp1251_720.sav
suppressMessages(library(jsonlite))
for (f in commandArgs(trailingOnly = TRUE)) {
  d <- foreign::read.spss(f, to.data.frame = FALSE, use.value.labels = FALSE, reencode = TRUE)
  labels <- attr(d, "variable.labels")
  out <- lapply(names(d), function(n) list(name = n, label = unname(labels[n]),
    values = trimws(as.character(d[[n]]), which = "right"), value_labels = as.list(attr(d[[n]], "value.labels"))))
  writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE), paste0(f, ".foreign.json"))
}
