package org.jujia.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a search result. */
public record PageResult<T>(List<T> content, int page, int size, long totalElements) {

    public int totalPages() {
        return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(content.stream().map(f).toList(), page, size, totalElements);
    }
}
