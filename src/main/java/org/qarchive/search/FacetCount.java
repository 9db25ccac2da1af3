package org.qarchive.search;

/**
 * How many matching entries have one facet value.
 *
 * @param value the value, e.g. a category name or a year
 * @param count number of matching entries with it
 */
public record FacetCount(String value, long count) {}
