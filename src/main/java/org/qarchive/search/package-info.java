/** The read side of the index: forgiving query parsing, ranked search, safe highlighted snippets. */
package org.qarchive.search;
