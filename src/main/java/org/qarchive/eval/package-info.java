/**
 * Measuring the search: an evaluation corpus indexed with the real schema and searched through the
 * real code path ({@link org.qarchive.eval.Evaluation}), and TREC scoring that agrees with
 * trec-eval ({@link org.qarchive.eval.TrecMetrics}).
 */
package org.qarchive.eval;
