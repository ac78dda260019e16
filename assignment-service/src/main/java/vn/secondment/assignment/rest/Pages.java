package vn.secondment.assignment.rest;

import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;

import java.util.List;

/** One page of a list held in memory. */
final class Pages {

    private Pages() {
    }

    static <T> PageView<T> of(List<T> all, Paging paging) {
        long from = Math.min((long) paging.page * paging.size, all.size());
        long to = Math.min(from + paging.size, all.size());
        return new PageView<>(List.copyOf(all.subList((int) from, (int) to)), paging.page, paging.size, all.size());
    }
}
