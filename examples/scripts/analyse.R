#!/usr/bin/env Rscript
# A stakegraph network in R with igraph: the top actors by the file's pagerank
# and by igraph's own page_rank() on the edge weights, a check that the two
# agree, and the file's communities with their modularity.
#
#   Rscript analyse.R NETWORK.graphml [N]        (N rows per table, default 10)
#
# Make the input with `stakegraph extract -o net.graphml articles/`.
# Needs R with igraph (Debian: r-base-core r-cran-igraph).
# Exit status: 0 when the rankings agree, 1 when they do not or on an error.
#
# Output: tables whose columns are separated by spaces, the actor's name last:
#   rank id pagerank actor          (the file's values, then igraph's)
#   community actors main-actors    (largest first)
suppressPackageStartupMessages(library(igraph))

die <- function(...) {
  message("analyse.R: ", ...)
  quit(status = 1)
}
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1 || length(args) > 2) die("usage: Rscript analyse.R NETWORK.graphml [N]")
file <- args[1]
n <- if (length(args) == 2) suppressWarnings(as.integer(args[2])) else 10L
if (is.na(n) || n < 1) die("N must be a positive integer, not '", args[2], "'")
if (!file.exists(file)) die(file, ": no such file")
g <- tryCatch(read_graph(file, format = "graphml"),
              error = function(e) die(file, ": not a GraphML network (", conditionMessage(e), ")"))
if (is.null(V(g)$pagerank) || is.null(V(g)$community))
  die(file, ": no pagerank or community column (was it made with --no-analyse?)")

ids <- V(g)$id                  # the GraphML node ids (gazetteer ids)
actor <- V(g)$label
if (!is.null(V(g)$short)) actor <- ifelse(is.na(V(g)$short) | V(g)$short == "", actor, V(g)$short)
w <- if (is.null(E(g)$weight)) rep(1, ecount(g)) else E(g)$weight

show_top <- function(title, pr) {
  o <- order(-pr, ids, method = "radix")[seq_len(min(n, vcount(g)))]  # radix: ids in C order
  cat("# ", title, "\n", sep = "")
  cat(sprintf("%4s  %-*s  %-8s  %s\n", "rank", width, "id", "pagerank", "actor"))
  cat(sprintf("%4d  %-*s  %.6f  %s\n", seq_along(o), width, ids[o], pr[o], actor[o]), sep = "")
  cat("\n")
  ids[o]
}
width <- max(nchar(ids), 2)
cat(sprintf("# %s: %d actors, %d ties\n\n", file, vcount(g), ecount(g)))
top_file <- show_top(paste("top", n, "actors by the file's pagerank"), V(g)$pagerank)
pr <- page_rank(g, weights = w, damping = 0.85, directed = FALSE)$vector
top_igraph <- show_top(paste("top", n, "actors by igraph page_rank(weights = E(g)$weight)"), pr)

# Agreement: the same values (to 1e-6), hence the same ranking except between
# actors whose values are equal.
diff <- max(c(0, abs(pr - V(g)$pagerank)))
agree <- diff < 1e-6 && all(abs(V(g)$pagerank[match(top_igraph, ids)] - V(g)$pagerank[match(top_file, ids)]) < 1e-9)
cat(sprintf("pagerank: file and igraph %s (largest difference %.2g)\n\n",
            if (agree) "agree" else "DISAGREE", diff))

memb <- V(g)$community
q <- modularity(g, membership = memb + 1, weights = w)
sizes <- table(memb)
sizes <- sizes[order(-as.integer(sizes), as.integer(names(sizes)))]  # largest first, then by number
cat(sprintf("# communities of the file: %d, modularity %.4f (igraph, weighted)\n", length(sizes), q))
k <- as.integer(names(sizes))[seq_len(min(n, length(sizes)))]
main_actors <- vapply(k, function(c) {
  v <- which(memb == c)
  paste(head(actor[v][order(-V(g)$pagerank[v], ids[v], method = "radix")], 4), collapse = ", ")
}, "")
cat(sprintf("%9s  %6s  %s\n", "community", "actors", "main actors (by pagerank)"))
cat(sprintf("%9d  %6d  %s\n", k, as.integer(sizes[as.character(k)]), main_actors), sep = "")
if (!agree) quit(status = 1)
