/**
 * Visits and electronic visit verification (PLATFORM.md §6, §7 fraud fine): a visit per assigned dispatch order
 * (scheduled from {@link org.jujia.dispatch.OrderAssigned}, moved on reassignment, withdrawn on unassignment or
 * cancellation unless started), check-in and check-out with the six EVV elements (service type, elder, caregiver,
 * date, location with accuracy, begin/end time — the device's capture times, the server's receive times kept
 * beside them), the named verification policies (geofence, face, travel, overlap, duration, repeated coordinates,
 * check-out without check-in), confirmation or dispute by the elder's family (app, visit PIN, SMS code, drawn
 * signature), ratings, the review queue of flagged visits and confirmed fraud with its 3× penalty and blacklist
 * proposal. Face comparison is a port ({@link org.jujia.visit.FaceComparison}): an HTTP adapter, and a simulator in
 * the demo profile. Publishes {@link org.jujia.visit.VisitCheckedIn}, {@link org.jujia.visit.VisitCompleted},
 * {@link org.jujia.visit.VisitVerified}, {@link org.jujia.visit.VisitFlagged}, {@link org.jujia.visit.VisitConfirmed},
 * {@link org.jujia.visit.VisitDisputed} and {@link org.jujia.visit.VisitFraudConfirmed}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "privacy", "elder", "catalogue",
        "workforce", "dispatch", "notification" })
package org.jujia.visit;
