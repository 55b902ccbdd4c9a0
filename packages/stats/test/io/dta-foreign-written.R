#!/usr/bin/env Rscript
## Old-release .dta files written by a second writer: R's foreign::write.dta, which writes Stata 6 (release 108),
## 7 (110) and 8 (113) files with its own C code. ReadStat's CSV of each is stored beside it (generate-fixtures.ts)
## and dta-old-releases.test.ts checks the labels the script puts in.
## Run from packages/stats/test/io:  Rscript dta-foreign-written.R
library(foreign)
d <- data.frame(
  id = 1:6,
  status = factor(c("employed", "unemployed", NA, "inactive", "employed", "inactive"),
                  levels = c("employed", "unemployed", "inactive")),
  weight = c(1438.3396, 0.0078125, -1e15, NA, 2.5, 12345.678901234),
  share = c(0.5, NA, 0.25, 1, 0, 0.125),
  # Stata before 14 stores text as Windows-1252 (Latin-1 here); write.dta writes the bytes it is given
  country = iconv(c("Sénégal", "Niger", "Côte d'Ivoire", "Mali", NA, "x\"y"), "UTF-8", "latin1"),
  stringsAsFactors = FALSE
)
attr(d, "var.labels") <- c("Person", "Labour force status", "Survey weight", "Share", "Country of birth")
for (v in c(6L, 7L, 8L)) {
  rel <- c(`6` = 108L, `7` = 110L, `8` = 113L)[[as.character(v)]]
  write.dta(d, sprintf("../fixtures/io/foreign_%d.dta", rel), version = v)
}
