#!/usr/bin/env Rscript
## Reference values for the "score" quantile interval (svyquantile interval.type = "score") and for
## options(survey.ultimate.cluster = TRUE), written to ../../fixtures/survey/design-cases.json.
## Run from this folder: Rscript make-design-cases.R   (R 4.2.2, survey 4.1.1, jsonlite)
suppressMessages({ library(survey); library(jsonlite) })
fx <- "../../fixtures/survey"
apistrat <- read.csv(file.path(fx, "apistrat.csv"))
apiclus1 <- read.csv(file.path(fx, "apiclus1.csv"))
apipop <- read.csv("../../../../../../shared/reference/survey/apipop.csv")
## a two-stage sample: the districts of apiclus1, then the first half of the schools of each district (at least two
## where it has two), with the number of schools of each district as 2nd-stage fpc
apiclus1$fpc2 <- as.numeric(table(apipop$dnum)[as.character(apiclus1$dnum)])
k <- ave(seq_along(apiclus1$dnum), apiclus1$dnum, FUN = seq_along)
nd <- ave(seq_along(apiclus1$dnum), apiclus1$dnum, FUN = length)
sub <- apiclus1[k <= pmax(2, ceiling(nd / 2)), ]
write.csv(sub[, c("dnum", "snum", "fpc", "fpc2", "api00", "enroll", "stype")], file.path(fx, "apiclus1_2stage.csv"), row.names = FALSE)
two <- read.csv(file.path(fx, "apiclus1_2stage.csv"))

cases <- list()
q_case <- function(id, data, design, des, probs) {
  q <- svyquantile(~api00, des, probs, interval.type = "score", ci = TRUE, se = TRUE)[[1]]
  rows <- lapply(seq_along(probs), function(i) list(quantile = probs[i], estimate = q[i, 1], ci = c(q[i, 2], q[i, 3]), se = q[i, 4]))
  cases[[length(cases) + 1]] <<- list(id = id, data = data, design = design, estimate = list(kind = "quantile", variables = list("api00"), probs = as.list(probs), intervalType = "score"), rows = rows)
}
q_case("score_strat", "apistrat.csv", list(ids = list(), strata = "stype", weights = "pw", fpc = list("fpc")),
       svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat), c(0.25, 0.5, 0.9))
q_case("score_clus1", "apiclus1.csv", list(ids = list("dnum"), weights = "pw", fpc = list("fpc")),
       svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1), c(0.1, 0.5, 0.75))
lin_case <- function(id, ultimate) {
  options(survey.ultimate.cluster = ultimate)
  des <- svydesign(ids = ~dnum + snum, fpc = ~fpc + fpc2, data = two)
  t <- svytotal(~enroll, des); m <- svymean(~api00, des)
  cases[[length(cases) + 1]] <<- list(id = id, data = "apiclus1_2stage.csv",
    design = list(ids = list("dnum", "snum"), fpc = list("fpc", "fpc2"), ultimateCluster = ultimate),
    estimate = list(kind = "both"), rows = list(
      list(term = "enroll", estimate = unname(coef(t)), se = unname(SE(t))),
      list(term = "api00", estimate = unname(coef(m)), se = unname(SE(m)))))
  options(survey.ultimate.cluster = FALSE)
}
lin_case("two_stage_multistage", FALSE)
lin_case("two_stage_ultimate_cluster", TRUE)
writeLines(toJSON(list(meta = list(r_version = R.version.string, survey_version = as.character(packageVersion("survey"))), cases = cases),
                  auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(fx, "design-cases.json"))
cat(length(cases), "cases\n")
