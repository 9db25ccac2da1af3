/**
 * The {@code qarchive} command line, where the other packages are wired together: {@link
 * org.qarchive.cli.Main} parses the subcommands and turns failures into exit codes that mean
 * something (64 usage, 65 bad input, 69 unavailable, 70 internal, 73 cannot create, 74 I/O, 75 try
 * again later).
 *
 * <p>Each subcommand is one small class: {@code import} reads top-down in {@link
 * org.qarchive.cli.ImportFlow} (fingerprint the inputs, recall the last import, extract, index,
 * commit, remember, report); {@code serve} imports when the import folder changed and then starts
 * the web server; {@code search}, {@code export} and {@code stats} read the index; {@code backup},
 * {@code restore} and {@code reindex} look after it; {@code extract} and {@code eval} are tools for
 * tuning the importer and the ranking. Commands that read an index check its schema first through
 * {@link org.qarchive.cli.IndexOption}, so an index from another version is never misread.
 */
package org.qarchive.cli;
