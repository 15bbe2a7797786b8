package org.digestpress.content;

/** Who publishes the digest; every field but {@code name} may be null. */
public record Publisher(String name, String parent, String address, String phone, String fax,
                        String email, String web, String copyright) {
}
