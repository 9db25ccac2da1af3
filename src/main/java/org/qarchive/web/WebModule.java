package org.qarchive.web;

import io.javalin.config.RoutesConfig;

/**
 * Routes that another part of the product adds to the server, such as the staff admin at {@code
 * /admin}: the server registers them after its own, so its security headers, error pages and
 * metrics apply to them too.
 */
public interface WebModule {

  /** Adds this module's routes. */
  void addRoutes(RoutesConfig routes);
}
