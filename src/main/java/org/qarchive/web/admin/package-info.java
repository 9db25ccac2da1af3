/**
 * The staff side at {@code /admin}, a {@link org.qarchive.web.WebModule} the server registers:
 * accounts with Argon2id hashes ({@link org.qarchive.web.admin.StaffAccounts}, made by {@code
 * qarchive user}), sessions and CSRF tokens, a sign-in throttle, streamed uploads that become
 * background imports with live progress, reports and history, corrections, hiding and deleting of
 * entries, the synonym list and the audit log. Start at {@link
 * org.qarchive.web.admin.StaffAdmin#addRoutes}: each route says whether it is a page (needs a
 * session) or an action (needs a session, this origin and the session's CSRF token).
 */
package org.qarchive.web.admin;
