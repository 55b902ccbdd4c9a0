#!/usr/bin/env Rscript
## What `labmig stats run --spec lfs-large.spec.json` does, in R (survey 4.1.1), for `npm run bench:stats`:
## read the CSV, build the design, and the three domain estimates of ../shared/reference/lfs/r_timings.txt.
## Prints the estimates as CSV on stdout (domain;term;estimate;se) so that the bench can compare them with labmig's.
## Usage: Rscript r-end-to-end.R lfs_large.csv
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = TRUE, na.strings = c("NA", ""))  # empty = missing, as labmig
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d)
## lfs is missing below age 15: the shares are among persons with a status (labmig's na.rm), on the full design
des15 <- subset(des, !is.na(lfs))
e1 <- svyby(~lfs, ~sex + migrant, des15, svymean)
e2 <- svyby(~lfs, ~country_of_birth, des15, svymean)
des2 <- update(des, unemp = as.numeric(!is.na(lfs) & lfs == "unemployed"),
               lf = as.numeric(!is.na(lfs) & lfs %in% c("employed", "unemployed")))
e3 <- svyby(~unemp, ~sex + migrant, des2, svyratio, denominator = ~lf)
out <- function(tab, byvars, terms, setext) {
  for (i in seq_len(nrow(tab))) {
    dom <- paste(paste0(byvars, "=", as.character(unlist(tab[i, byvars]))), collapse = ",")
    for (t in names(terms)) {
      cat(dom, terms[[t]], format(tab[i, t], digits = 17), format(tab[i, setext(t)], digits = 17), sep = ";")
      cat("\n")
    }
  }
}
lv <- c(lfsemployed = "lfs=employed", lfsoutside_lf = "lfs=outside_lf", lfsunemployed = "lfs=unemployed")
out(e1, c("sex", "migrant"), as.list(lv), function(t) paste0("se.", t))
out(e2, "country_of_birth", as.list(lv), function(t) paste0("se.", t))
out(e3, c("sex", "migrant"), list(`unemp/lf` = "unemp/lf"), function(t) paste0("se.", t))
