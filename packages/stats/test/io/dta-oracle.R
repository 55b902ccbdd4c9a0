#!/usr/bin/env Rscript
## A second reader for the old-release .dta files ReadStat refuses or misreads (see R_DTA_ORACLE in
## oracle-files.ts): R's foreign::read.dta (releases 105-115) or readstata13::read.dta13 (102-115).
## Writes FILE.r.json beside each file: the reader, names, variable labels, values (17 significant digits, or
## null for NA) and the value labels the reader found.
## Run from packages/stats/test/io:  Rscript dta-oracle.R foreign ../fixtures/io/gen_105_le.dta …
##                                   Rscript dta-oracle.R readstata13 ../fixtures/io/gen_103_le.dta …
suppressMessages(library(jsonlite))
args <- commandArgs(trailingOnly = TRUE)
reader <- args[1]
for (f in args[-1]) {
  if (reader == "foreign") {
    d <- foreign::read.dta(f, convert.factors = FALSE, convert.underscore = FALSE)
    varlabels <- attr(d, "var.labels")
  } else {
    d <- readstata13::read.dta13(f, convert.factors = FALSE, convert.underscore = FALSE)
    varlabels <- attr(d, "var.labels")
  }
  tables <- attr(d, "label.table")
  vallabels <- attr(d, "val.labels")
  out <- lapply(seq_along(d), function(j) {
    x <- d[[j]]
    values <- if (is.numeric(x)) lapply(x, function(v) if (is.na(v)) NULL else formatC(v, digits = 17, format = "g"))
              else as.list(as.character(x))
    set <- if (length(vallabels) >= j && nzchar(vallabels[j]) && !is.null(tables[[vallabels[j]]])) tables[[vallabels[j]]] else NULL
    list(name = names(d)[j], label = if (length(varlabels) >= j) varlabels[j] else "",
         values = values, value_labels = if (is.null(set)) list() else as.list(setNames(as.numeric(set), names(set))))
  })
  writeLines(toJSON(list(reader = reader, columns = out), auto_unbox = TRUE, pretty = TRUE, null = "null"),
             paste0(f, ".r.json"))
}
