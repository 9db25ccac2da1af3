/**
 * Meaning as vectors: a small sentence-embedding model (all-MiniLM-L6-v2, shipped in the jar) run
 * in process with ONNX Runtime, and the WordPiece tokenizer it needs. The index stores one vector
 * per entry; the search embeds the query and fuses nearness in meaning with its lexical ranking.
 */
package org.qarchive.embedding;
