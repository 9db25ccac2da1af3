/**
 * Plain domain records shared by the importer, the index, the search side and the web, and their
 * JSON form: no jsoup, Lucene or Javalin.
 */
package org.qarchive.archive;
