/**
 * The speed benchmark behind {@code qarchive bench}: a seeded corpus generator that grows MedQuAD
 * to any size ({@link org.qarchive.bench.CorpusGenerator}), cached benchmark indexes ({@link
 * org.qarchive.bench.BenchIndex}), and one class per measured path — import ({@link
 * org.qarchive.bench.ImportBench}), in-process search and autocomplete ({@link
 * org.qarchive.bench.SearchBench}), search over loopback HTTP ({@link
 * org.qarchive.bench.HttpBench}), start-up and memory of a served child JVM ({@link
 * org.qarchive.bench.StartBench}) — whose figures land in one {@link
 * org.qarchive.bench.BenchReport}, printed as a table and written as JSON. {@link
 * org.qarchive.bench.Bench#run} reads top-down.
 */
package org.qarchive.bench;
