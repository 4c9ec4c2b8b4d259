package org.opengallery.marketplace.order;

import java.util.List;

/** One page of an order list: {@code page} counts from 1; {@code total} is the number of orders the filter matches. */
public record OrderPage(List<Order> orders, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
