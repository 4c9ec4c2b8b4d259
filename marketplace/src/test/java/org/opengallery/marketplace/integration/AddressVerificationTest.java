package org.opengallery.marketplace.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.seller.InterfaceType;
import org.opengallery.marketplace.web.ApiException;

class AddressVerificationTest extends IntegrationTestBase {

    @Test
    void aSellerThatChecksSignaturesAndSignsItsAnswersIsVerified() {
        Verified v = verifiedV2Address();
        assertThat(v.address().status()).isEqualTo(AddressStatus.VERIFIED);
        assertThat(v.address().statusReason()).isNull();
        assertThat(v.address().verifiedAt()).isNotNull();
    }

    @Test
    void aV1SellerIsVerifiedWithTheV1Key() {
        long seller = newSeller();
        String key = sellers.issueV1Key(seller);
        SellerStub stub = v1Kit(key, new RecordingSeller());
        ProductionAddress address = addresses.add(seller, stub.url(), InterfaceVersion.V1, null).address();

        assertThat(addresses.verify(seller, address.id()).status()).isEqualTo(AddressStatus.VERIFIED);
        assertThat(stub.seen).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
    }

    @Test
    void aSellerHoldingAnotherKeyFailsWithTheReason() {
        long seller = newSeller();
        SellerStub stub = v2Kit("some-other-key-0123456789abcdef", new RecordingSeller());
        ProductionAddress address = addresses.add(seller, stub.url(), InterfaceVersion.V2, null).address();

        ProductionAddress failed = addresses.verify(seller, address.id());

        assertThat(failed.status()).isEqualTo(AddressStatus.FAILED);
        assertThat(failed.statusReason()).contains("000001").contains("another key");
    }

    @Test
    void anUnsignedAnswerFailsVerification() {
        long seller = newSeller();
        SellerStub stub = serve(r -> SellerStub.unsigned("{\"resultCode\":\"000003\",\"resultMsg\":\"no such instance\"}"));
        ProductionAddress address = addresses.add(seller, stub.url(), InterfaceVersion.V2, null).address();

        ProductionAddress failed = addresses.verify(seller, address.id());

        assertThat(failed.status()).isEqualTo(AddressStatus.FAILED);
        assertThat(failed.statusReason()).contains("no Body-Sign");
    }

    @Test
    void aSellerThatAcceptsAnySignatureFailsVerification() {
        long seller = newSeller();
        SellerStub stub = serve(r -> SellerStub.unsigned("{}"));
        ProductionAddress address = addresses.add(seller, stub.url(), InterfaceVersion.V2, null).address();
        String key = sellers.accessKey(seller, InterfaceType.BASIC, stub.url()).orElseThrow().key();
        stub.respondWith(r -> SellerStub.signed(key, "{\"resultCode\":\"000000\",\"resultMsg\":\"ok\"}"));

        ProductionAddress failed = addresses.verify(seller, address.id());

        assertThat(failed.status()).isEqualTo(AddressStatus.FAILED);
        assertThat(failed.statusReason()).contains("accepted a request signed with a wrong key");
    }

    @Test
    void aRefusedConnectionFailsVerification() {
        long seller = newSeller();
        ProductionAddress address = addresses.add(seller, SellerStub.refusedUrl(), InterfaceVersion.V2, null).address();

        ProductionAddress failed = addresses.verify(seller, address.id());

        assertThat(failed.status()).isEqualTo(AddressStatus.FAILED);
        assertThat(failed.statusReason()).contains("connection refused");
    }

    @Test
    void aFailedAddressIsVerifiedOnceTheSellerIsFixed() {
        long seller = newSeller();
        SellerStub stub = serve(r -> SellerStub.unsigned("{}"));
        ProductionAddress address = addresses.add(seller, stub.url(), InterfaceVersion.V2, null).address();
        assertThat(addresses.verify(seller, address.id()).status()).isEqualTo(AddressStatus.FAILED);
        String key = sellers.accessKey(seller, InterfaceType.BASIC, stub.url()).orElseThrow().key();
        SellerStub kit = v2Kit(key, new RecordingSeller());
        stub.respondWith(r -> {
            throw new IllegalStateException("not used");
        });

        ProductionAddress moved = addresses.add(seller, kit.url(), InterfaceVersion.V2, key).address();

        assertThat(addresses.verify(seller, moved.id()).status()).isEqualTo(AddressStatus.VERIFIED);
    }

    @Test
    void onlyHttpsAddressesAreAcceptedExceptOnThisMachine() {
        long seller = newSeller();
        assertThatThrownBy(() -> addresses.add(seller, "http://isv.example.com/produce", InterfaceVersion.V2, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("invalid_production_url"));
        assertThat(addresses.add(seller, "https://isv.example.com/produce", InterfaceVersion.V2, null).address().url())
                .isEqualTo("https://isv.example.com/produce");
        assertThat(addresses.add(seller, "http://localhost:8081/produce", InterfaceVersion.V2, null).address().status())
                .isEqualTo(AddressStatus.UNVERIFIED);
    }

    @Test
    void aV2AddressGetsItsOwnBasicKeyOrKeepsTheSellersExistingOne() {
        long seller = newSeller();
        String existing = "existing-key-0123456789abcdef";
        addresses.add(seller, "https://a.isv.example.com/produce", InterfaceVersion.V2, null);
        addresses.add(seller, "https://b.isv.example.com/produce", InterfaceVersion.V2, existing);

        assertThat(sellers.accessKey(seller, InterfaceType.BASIC, "https://a.isv.example.com/produce")).isPresent();
        assertThat(sellers.accessKey(seller, InterfaceType.BASIC, "https://b.isv.example.com/produce").orElseThrow().key())
                .isEqualTo(existing);
    }

    @Test
    void anotherSellersAddressIsNotFound() {
        Verified v = verifiedV2Address();
        long other = newSeller();
        assertThatThrownBy(() -> addresses.verify(other, v.address().id()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
    }
}
