package org.opengallery.sellerkit.store;

import org.junit.jupiter.api.BeforeEach;

class InMemoryKitStoreTest extends KitStoreContract {

    InMemoryKitStore store;

    @BeforeEach
    void fresh() {
        store = new InMemoryKitStore();
    }

    @Override
    KitStore store() {
        return store;
    }
}
