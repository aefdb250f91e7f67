package org.jujia.catalogue;

import java.time.LocalDate;

/**
 * One price of a service item, in force from {@code effectiveFrom} until the next version's date. Versions are never
 * changed once in force: past plans and bills keep the version (id) they were made with.
 */
public record PriceVersion(long id, String itemCode, long unitPriceFen, LocalDate effectiveFrom, String note, String createdBy) {
}
