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

## PPS without replacement: R's election_pps (40 counties, p = inclusion probability), and apistrat with the
## schools' inclusion probabilities varied within strata (p = n_h/N_h scaled by enrolment, capped below 1)
data(election, package = "survey")
write.csv(election_pps[, c("County", "Bush", "Kerry", "votes", "p")], file.path(fx, "election_pps.csv"), row.names = FALSE)
el <- read.csv(file.path(fx, "election_pps.csv"))
st <- apistrat
st$p <- pmin(0.95, (200 / 6194) * st$enroll / ave(st$enroll, st$stype) * ave(st$fpc, st$stype) / st$fpc * 3)
st$stratum <- as.integer(factor(st$stype))  # R's Overton code needs numeric strata
write.csv(st[, c("snum", "stratum", "enroll", "api00", "api.stu", "p")], file.path(fx, "apistrat_pps.csv"), row.names = FALSE)
st <- read.csv(file.path(fx, "apistrat_pps.csv"))
pps_case <- function(id, data, df, pps, variance, strata) {
  des <- if (strata) svydesign(ids = ~1, strata = ~stratum, fpc = ~p, data = df, pps = pps, variance = variance)
         else svydesign(ids = ~1, fpc = ~p, data = df, pps = pps, variance = variance)
  y <- if (data == "election_pps.csv") c("Bush", "Kerry") else c("api.stu", "api00")
  t <- svytotal(as.formula(paste0("~", y[1])), des); m <- svymean(as.formula(paste0("~", y[2])), des)
  r <- if (data == "election_pps.csv") svyratio(~Bush, ~votes, des) else svyratio(~api.stu, ~enroll, des)
  cases[[length(cases) + 1]] <<- list(id = id, data = data,
    design = list(ids = list(), strata = if (strata) "stratum" else NULL, fpc = list("p"), pps = pps, ppsVariance = variance),
    estimate = list(kind = "pps", total = y[1], mean = y[2]), rows = list(
      list(term = y[1], estimate = unname(coef(t)), se = as.numeric(SE(t))),
      list(term = y[2], estimate = unname(coef(m)), se = as.numeric(SE(m))),
      list(term = "ratio", estimate = as.numeric(coef(r)), se = as.numeric(SE(r)))))
}
pps_case("pps_brewer_election", "election_pps.csv", el, "brewer", "HT", FALSE)
pps_case("pps_overton_election_ht", "election_pps.csv", el, "overton", "HT", FALSE)
pps_case("pps_overton_election_yg", "election_pps.csv", el, "overton", "YG", FALSE)
pps_case("pps_brewer_apistrat", "apistrat_pps.csv", st, "brewer", "HT", TRUE)
pps_case("pps_overton_apistrat_yg", "apistrat_pps.csv", st, "overton", "YG", TRUE)
## multistage PPS (Brewer's approximation at each stage, the only multistage PPS R's survey computes): the districts
## of apiclus1_2stage.csv drawn with probability proportional to their number of schools, then schools with
## probability proportional to enrolment (all of a district's schools when all were taken: probability 1); a second
## design stratifies the districts by size. Rows are sorted by district and by school number as text: R's onestrat
## pairs each PSU's factor (in order of appearance) with the PSU totals of rowsum (in sorted order), so only sorted
## rows give R the variance it means.
ms <- merge(two, apiclus1[, c("snum", "api.stu")], by = "snum")
ms <- ms[order(ms$dnum, as.character(ms$snum)), ]
ms$n2 <- ave(ms$snum, ms$dnum, FUN = length)
ms$p1 <- 15 * ms$fpc2 / 6194
ms$big <- as.integer(ms$fpc2 >= 10)
ms$p1s <- ifelse(ms$big == 1, 1.5, 0.8) * ms$p1
ms$p2 <- ifelse(ms$n2 == ms$fpc2, 1, pmin(0.95, ms$n2 / ms$fpc2 * ms$enroll / ave(ms$enroll, ms$dnum)))
stopifnot(!is.unsorted(ms$dnum), all(tapply(as.character(ms$snum), ms$dnum, function(s) !is.unsorted(s))))
write.csv(ms[, c("dnum", "snum", "big", "p1", "p1s", "p2", "api00", "api.stu", "enroll")], file.path(fx, "apiclus1_pps2.csv"), row.names = FALSE)
ms <- read.csv(file.path(fx, "apiclus1_pps2.csv"))
pps2_case <- function(id, strata, ultimate) {
  options(survey.ultimate.cluster = ultimate)
  des <- if (strata) svydesign(ids = ~dnum + snum, strata = ~big, fpc = ~p1s + p2, data = ms, pps = "brewer")
         else svydesign(ids = ~dnum + snum, fpc = ~p1 + p2, data = ms, pps = "brewer")
  t <- svytotal(~api.stu, des); m <- svymean(~api00, des); r <- svyratio(~api.stu, ~enroll, des)
  cases[[length(cases) + 1]] <<- list(id = id, data = "apiclus1_pps2.csv",
    design = list(ids = list("dnum", "snum"), strata = if (strata) "big" else NULL,
                  fpc = if (strata) list("p1s", "p2") else list("p1", "p2"), pps = "brewer", ultimateCluster = ultimate),
    estimate = list(kind = "pps", total = "api.stu", mean = "api00"), rows = list(
      list(term = "api.stu", estimate = unname(coef(t)), se = as.numeric(SE(t))),
      list(term = "api00", estimate = unname(coef(m)), se = as.numeric(SE(m))),
      list(term = "ratio", estimate = as.numeric(coef(r)), se = as.numeric(SE(r)))))
  options(survey.ultimate.cluster = FALSE)
}
pps2_case("pps_brewer_two_stage", FALSE, FALSE)
pps2_case("pps_brewer_two_stage_strata", TRUE, FALSE)
pps2_case("pps_brewer_two_stage_ultimate_cluster", FALSE, TRUE)
## calibration with bounds on g = new weight / old weight (linear and raking, R's grake)
cal_case <- function(id, calfun, bounds) {
  d <- svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1)
  pop <- c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, api99 = 3914069)
  dc <- calibrate(d, ~stype + api99, pop, calfun = calfun, bounds = bounds)
  g <- weights(dc) / weights(d)
  t <- svytotal(~enroll, dc); m <- svymean(~api00, dc)
  cases[[length(cases) + 1]] <<- list(id = id, data = "apiclus1.csv",
    design = list(ids = list("dnum"), weights = "pw", fpc = list("fpc")),
    calibrate = list(method = calfun, bounds = bounds, totals = list(stype = list(E = 4421, H = 755, M = 1018), api99 = 3914069)),
    g_range = range(g), estimate = list(kind = "both"), rows = list(
      list(term = "enroll", estimate = unname(coef(t)), se = as.numeric(SE(t))),
      list(term = "api00", estimate = unname(coef(m)), se = as.numeric(SE(m)))))
}
cal_case("calibrate_linear_bounds", "linear", c(0.5, 1.7))
cal_case("calibrate_raking_bounds", "raking", c(0.5, 1.7))

writeLines(toJSON(list(meta = list(r_version = R.version.string, survey_version = as.character(packageVersion("survey"))), cases = cases),
                  auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(fx, "design-cases.json"))
cat(length(cases), "cases\n")
