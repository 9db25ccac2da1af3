/**
 * What the clinic sets, as plain files in one config folder that staff edit and the server reloads
 * without a restart ({@link org.qarchive.site.SiteConfig}): the clinic's voice on every page
 * ({@link org.qarchive.site.ClinicVoice}), the phrases that make a search an emergency ({@link
 * org.qarchive.site.EmergencyTriggers}) and the bookkeeping tags that are not offered as facets
 * ({@link org.qarchive.site.FacetStopList}). Each file is validated as a whole; a bad one never
 * replaces the last good one.
 */
package org.qarchive.site;
