/** The web side: Javalin routes for the search page, entry pages, JSON API and health checks. */
package org.qarchive.web;
