package org.jujia.catalogue;

/** One line asked for in a quote: an item code and a quantity for the month (validated by the catalogue). */
public record QuoteLine(String itemCode, Integer quantity) {
}
