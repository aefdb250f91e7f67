/**
 * Dispatch (PLATFORM.md §6): service orders — generated from active care plans on a rolling 14-day horizon, booked by
 * elders and families, created by staff or raised urgently by the platform — their acceptance by the provider,
 * reassignment between providers by the street, and the assignment of qualified caregivers. Publishes
 * {@link org.jujia.dispatch.OrderCreated}, {@link org.jujia.dispatch.OrderAssigned},
 * {@link org.jujia.dispatch.OrderUnassigned} and {@link org.jujia.dispatch.OrderCancelled} for the visit module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "privacy", "elder", "assessment",
        "catalogue", "careplan", "workforce", "notification" })
package org.jujia.dispatch;
