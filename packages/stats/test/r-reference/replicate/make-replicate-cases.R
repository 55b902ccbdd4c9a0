#!/usr/bin/env Rscript
## Reference values for replicate-weight designs (R's svrepdesign / as.svrepdesign), written to
## ../../fixtures/replicate/: two data files with replicate weight columns, and replicate-cases.json with R's
## estimates. Run from this folder:  Rscript make-replicate-cases.R   (R 4.2.2, survey 4.1.1, jsonlite)
suppressMessages({ library(survey); library(jsonlite) })
out <- "../../fixtures/replicate"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
api <- read.csv("../../fixtures/survey/apiclus1.csv", stringsAsFactors = FALSE)
api$fpc <- 757  # districts in the population (R's apiclus1$fpc)

## The Hadamard matrices R's hadamard() chooses for 1 to 15 strata (labmig builds the same ones)
hadamards <- lapply(1:15, function(k) unname(hadamard(k) * 1))

## 1. apiclus1 with replicate weight columns made here: JK1 (15), bootstrap (20, seeded), written as data
d1 <- svydesign(ids = ~dnum, weights = ~pw, data = api)
jk <- as.svrepdesign(d1, type = "JK1", compress = FALSE)
set.seed(20261203)
bs <- as.svrepdesign(d1, type = "bootstrap", replicates = 20, compress = FALSE)
rep1 <- api[, c("dnum", "stype", "pw", "fpc", "api00", "api99", "enroll", "api.stu", "sch.wide", "meals")]
jw <- unclass(weights(jk, "analysis")); colnames(jw) <- paste0("jk", seq_len(ncol(jw)))
bw <- unclass(weights(bs, "analysis")); colnames(bw) <- paste0("bs", seq_len(ncol(bw)))
rep1 <- cbind(rep1, round(jw, 10), round(bw, 10))
write.csv(rep1, file.path(out, "apiclus1_rep.csv"), row.names = FALSE)
rep1 <- read.csv(file.path(out, "apiclus1_rep.csv"), stringsAsFactors = FALSE)

## 2. 14 districts of apiclus1 in 7 strata of 2 (BRR), with BRR and Fay weight columns
ds <- sort(unique(api$dnum))[1:14]
b <- api[api$dnum %in% ds, ]
b$strat <- paste0("s", (match(b$dnum, ds) + 1) %/% 2)
d2 <- svydesign(ids = ~dnum, strata = ~strat, weights = ~pw, data = b)
brr <- as.svrepdesign(d2, type = "BRR", compress = FALSE)
fay <- as.svrepdesign(d2, type = "Fay", fay.rho = 0.3, compress = FALSE)
bw2 <- unclass(weights(brr, "analysis")); colnames(bw2) <- paste0("brr", seq_len(ncol(bw2)))
fw2 <- unclass(weights(fay, "analysis")); colnames(fw2) <- paste0("fay", seq_len(ncol(fw2)))
rep2 <- cbind(b[, c("dnum", "strat", "stype", "pw", "api00", "api99", "enroll", "api.stu", "sch.wide", "meals")],
              round(bw2, 10), round(fw2, 10))
write.csv(rep2, file.path(out, "brr_rep.csv"), row.names = FALSE)
rep2 <- read.csv(file.path(out, "brr_rep.csv"), stringsAsFactors = FALSE)

## 3. apistrat (3 strata, fpc) for bootstraps drawn from the design
st <- read.csv("../../fixtures/survey/apistrat.csv", stringsAsFactors = FALSE)
rep3 <- st[, c("snum", "stype", "pw", "fpc", "api00", "api99", "enroll", "api.stu", "sch.wide", "meals")]
write.csv(rep3, file.path(out, "apistrat_rep.csv"), row.names = FALSE)
rep3 <- read.csv(file.path(out, "apistrat_rep.csv"), stringsAsFactors = FALSE)

## Bootstraps drawn by as.svrepdesign right after set.seed(seed): labmig replays R's generator and bootweights
boot <- function(data, seed, replicates, ...) function() {
  des <- svydesign(data = data, ...)
  set.seed(seed)
  as.svrepdesign(des, type = "bootstrap", replicates = replicates)
}

cols <- function(prefix, n) paste0(prefix, seq_len(n))
designs <- list(
  jk1_given = list(data = "apiclus1_rep.csv", spec = list(kind = "svrep", weights = "pw", replicates = cols("jk", 15), type = "JK1"),
    make = function() svrepdesign(data = rep1, weights = ~pw, repweights = "jk[0-9]+", type = "JK1", scale = 14 / 15)),
  jk1_given_mse = list(data = "apiclus1_rep.csv", spec = list(kind = "svrep", weights = "pw", replicates = cols("jk", 15), type = "JK1", mse = TRUE),
    make = function() svrepdesign(data = rep1, weights = ~pw, repweights = "jk[0-9]+", type = "JK1", scale = 14 / 15, mse = TRUE)),
  boot_given = list(data = "apiclus1_rep.csv", spec = list(kind = "svrep", weights = "pw", replicates = cols("bs", 20), type = "bootstrap"),
    make = function() svrepdesign(data = rep1, weights = ~pw, repweights = "bs[0-9]+", type = "bootstrap")),
  other_given = list(data = "apiclus1_rep.csv", spec = list(kind = "svrep", weights = "pw", replicates = cols("bs", 20), type = "other", scale = 0.04, rscales = seq(0.5, 1.45, by = 0.05), mse = TRUE),
    make = function() svrepdesign(data = rep1, weights = ~pw, repweights = "bs[0-9]+", type = "other", scale = 0.04, rscales = seq(0.5, 1.45, by = 0.05), mse = TRUE)),
  brr_given = list(data = "brr_rep.csv", spec = list(kind = "svrep", weights = "pw", replicates = cols("brr", 8), type = "BRR"),
    make = function() svrepdesign(data = rep2, weights = ~pw, repweights = "brr[0-9]+", type = "BRR")),
  fay_given = list(data = "brr_rep.csv", spec = list(kind = "svrep", weights = "pw", replicates = cols("fay", 8), type = "Fay", rho = 0.3),
    make = function() svrepdesign(data = rep2, weights = ~pw, repweights = "fay[0-9]+", type = "Fay", rho = 0.3)),
  jkn_given = list(data = "brr_rep.csv", spec = list(kind = "svrep", weights = "pw", replicates = cols("brr", 8), type = "JKn", rscales = rep(0.5, 8)),
    make = function() svrepdesign(data = rep2, weights = ~pw, repweights = "brr[0-9]+", type = "JKn", rscales = rep(0.5, 8))),
  as_jk1 = list(data = "apiclus1_rep.csv", spec = list(kind = "as", design = list(ids = list("dnum"), weights = "pw"), type = "JK1"),
    make = function() as.svrepdesign(svydesign(ids = ~dnum, weights = ~pw, data = rep1), type = "JK1")),
  as_jk1_fpc = list(data = "apiclus1_rep.csv", spec = list(kind = "as", design = list(ids = list("dnum"), weights = "pw", fpc = list("fpc")), type = "JK1"),
    make = function() as.svrepdesign(svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = rep1), type = "JK1")),
  as_jkn = list(data = "brr_rep.csv", spec = list(kind = "as", design = list(ids = list("dnum"), strata = "strat", weights = "pw"), type = "JKn"),
    make = function() as.svrepdesign(svydesign(ids = ~dnum, strata = ~strat, weights = ~pw, data = rep2), type = "JKn")),
  as_brr = list(data = "brr_rep.csv", spec = list(kind = "as", design = list(ids = list("dnum"), strata = "strat", weights = "pw"), type = "BRR"),
    make = function() as.svrepdesign(svydesign(ids = ~dnum, strata = ~strat, weights = ~pw, data = rep2), type = "BRR")),
  as_fay = list(data = "brr_rep.csv", spec = list(kind = "as", design = list(ids = list("dnum"), strata = "strat", weights = "pw"), type = "Fay", rho = 0.3),
    make = function() as.svrepdesign(svydesign(ids = ~dnum, strata = ~strat, weights = ~pw, data = rep2), type = "Fay", fay.rho = 0.3)),
  as_boot = list(data = "apiclus1_rep.csv", spec = list(kind = "as", design = list(ids = list("dnum"), weights = "pw"), type = "bootstrap", replicates = 20, seed = 20261203),
    make = boot(rep1, 20261203, 20, ids = ~dnum, weights = ~pw)),
  as_boot_fpc = list(data = "apiclus1_rep.csv", spec = list(kind = "as", design = list(ids = list("dnum"), weights = "pw", fpc = list("fpc")), type = "bootstrap", replicates = 50, seed = 11),
    make = boot(rep1, 11, 50, ids = ~dnum, weights = ~pw, fpc = ~fpc)),
  as_boot_strata = list(data = "brr_rep.csv", spec = list(kind = "as", design = list(ids = list("dnum"), strata = "strat", weights = "pw"), type = "bootstrap", replicates = 50, seed = 7),
    make = boot(rep2, 7, 50, ids = ~dnum, strata = ~strat, weights = ~pw)),
  as_boot_strata_fpc = list(data = "apistrat_rep.csv", spec = list(kind = "as", design = list(ids = list(), strata = "stype", weights = "pw", fpc = list("fpc")), type = "bootstrap", replicates = 50, seed = 2026),
    make = boot(rep3, 2026, 50, ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc))
)

rows_of <- function(est, se, terms, domain = NULL, deff = NULL) {
  lapply(seq_along(terms), function(i) {
    r <- list(domain = domain, term = terms[i], estimate = unname(est[i]), se = unname(se[i]))
    if (!is.null(deff)) r$deff <- unname(deff[i])
    r
  })
}
deffs <- function(s) { d <- deff(s); if (is.matrix(d)) diag(d) else d }
stat_rows <- function(s, terms, with_deff = FALSE) rows_of(coef(s), SE(s), terms, deff = if (with_deff) deffs(s) else NULL)
by_rows <- function(s, byvar, terms, with_deff = FALSE) {
  co <- coef(s); se <- SE(s); out <- list(); k <- 0
  df <- if (with_deff) deffs(s) else NULL
  for (i in seq_len(nrow(s))) for (t in seq_along(terms)) {
    k <- k + 1
    dom <- setNames(list(as.character(s[[byvar]][i])), byvar)
    out[[k]] <- list(domain = dom, term = terms[t], estimate = unname(co[(i - 1) * length(terms) + t]), se = unname(se[(i - 1) * length(terms) + t]))
    if (with_deff) out[[k]]$deff <- unname(df[(i - 1) * length(terms) + t])
  }
  out
}
quant_rows <- function(q, term, probs, domain = NULL) {
  m <- q[[1]]
  lapply(seq_along(probs), function(i) list(domain = domain, term = term, quantile = probs[i], estimate = unname(m[i, 1]),
    ci = unname(c(m[i, 2], m[i, 3])), se = unname(m[i, 4])))
}

cases <- list()
add <- function(id, dname, estimate, rows, degf) cases[[length(cases) + 1]] <<- list(id = id, design_id = dname, data = designs[[dname]]$data,
  design = designs[[dname]]$spec, degf = degf, estimate = estimate, rows = rows)
for (dn in names(designs)) {
  des <- designs[[dn]]$make()
  g <- degf(des)
  add(paste0(dn, "_total_enroll"), dn, list(kind = "total", variables = list("enroll")), stat_rows(svytotal(~enroll, des, na.rm = TRUE), "enroll"), g)
  add(paste0(dn, "_mean_api00"), dn, list(kind = "mean", variables = list("api00", "api99")), stat_rows(svymean(~api00 + api99, des), c("api00", "api99")), g)
  sm <- svymean(~factor(stype), des)
  add(paste0(dn, "_prop_stype"), dn, list(kind = "mean", variables = list("stype")), stat_rows(sm, paste0("stype=", sort(unique(des$variables$stype)))), g)
  add(paste0(dn, "_ratio"), dn, list(kind = "ratio", variables = list("api.stu"), denominator = "enroll"),
      { r <- svyratio(~api.stu, ~enroll, des); rows_of(coef(r), SE(r), "api.stu/enroll") }, g)
  add(paste0(dn, "_mean_by_stype"), dn, list(kind = "mean", variables = list("api00"), by = list("stype")),
      by_rows(svyby(~api00, ~stype, des, svymean), "stype", "api00"), g)
  add(paste0(dn, "_ratio_by_stype"), dn, list(kind = "ratio", variables = list("api.stu"), denominator = "enroll", by = list("stype")),
      by_rows(svyby(~api.stu, ~stype, des, svyratio, denominator = ~enroll), "stype", "api.stu/enroll"), g)
  add(paste0(dn, "_total_by_stype"), dn, list(kind = "total", variables = list("enroll"), by = list("stype")),
      by_rows(svyby(~enroll, ~stype, des, svytotal), "stype", "enroll"), g)
  for (it in c("mean", "beta", "xlogit", "quantile")) {
    q <- svyquantile(~api00, des, c(0.25, 0.5), interval.type = it, ci = TRUE, se = TRUE)
    add(paste0(dn, "_quantile_", it), dn, list(kind = "quantile", variables = list("api00"), probs = list(0.25, 0.5), intervalType = it),
        quant_rows(q, "api00", c(0.25, 0.5)), g)
  }
  ## design effects (R's deff = TRUE and "replace" on replicate designs)
  add(paste0(dn, "_mean_deff"), dn, list(kind = "mean", variables = list("api00", "api99"), deff = TRUE),
      stat_rows(svymean(~api00 + api99, des, deff = TRUE), c("api00", "api99"), TRUE), g)
  add(paste0(dn, "_total_deff_replace"), dn, list(kind = "total", variables = list("enroll"), deff = "replace"),
      stat_rows(svytotal(~enroll, des, na.rm = TRUE, deff = "replace"), "enroll", TRUE), g)
  add(paste0(dn, "_ratio_deff"), dn, list(kind = "ratio", variables = list("api.stu"), denominator = "enroll", deff = TRUE),
      ## svyratio(deff = TRUE) fails on replicate designs in survey 4.1.1 ("incorrect number of dimensions" at
      ## rval[i, j]); its code means deff(svytotal(num - r * den, design, deff = TRUE)), computed here as it would
      { r <- svyratio(~api.stu, ~enroll, des); rr <- coef(r)
        z <- des$variables$api.stu - rr * des$variables$enroll
        dz <- deffs(svytotal(~z, update(des, z = z), deff = TRUE))
        rows_of(rr, SE(r), "api.stu/enroll", deff = dz) }, g)
  add(paste0(dn, "_mean_by_stype_deff"), dn, list(kind = "mean", variables = list("api00"), by = list("stype"), deff = TRUE),
      by_rows(svyby(~api00, ~stype, des, svymean, deff = TRUE), "stype", "api00", TRUE), g)
  ## R's svyciprop "likelihood" on a replicate design gives no interval (NA) in survey 4.1.1: recorded as such
  lk <- suppressWarnings(svyciprop(~I(sch.wide == "Yes"), des, method = "likelihood"))
  add(paste0(dn, "_ciprop_likelihood_r_gives_na"), dn, list(kind = "ciprop", variables = list("sch.wide"), success = "Yes", method = "likelihood"),
      list(list(domain = NULL, term = "sch.wide=Yes", estimate = as.numeric(coef(lk)), se = as.numeric(SE(lk)), ci = as.numeric(confint(lk)))), g)
  for (m in c("logit", "mean", "beta", "asin", "xlogit")) {
    ci <- suppressWarnings(svyciprop(~I(sch.wide == "Yes"), des, method = m))
    add(paste0(dn, "_ciprop_", m), dn, list(kind = "ciprop", variables = list("sch.wide"), success = "Yes", method = m),
        list(list(domain = NULL, term = "sch.wide=Yes", estimate = as.numeric(coef(ci)), se = as.numeric(SE(ci)), ci = as.numeric(confint(ci)))), g)
  }
}
meta <- list(hadamard = hadamards, generated_by = "make-replicate-cases.R", r_version = R.version.string, survey_version = as.character(packageVersion("survey")))
writeLines(toJSON(list(meta = meta, cases = cases), auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
           file.path(out, "replicate-cases.json"))
cat(length(cases), "cases\n")
