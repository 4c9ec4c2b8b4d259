package org.opengallery.marketplace.upload;

import java.util.Set;

/**
 * What an upload may be, by what it is for (platform.md §1.3, §2): logos and product images are JPG/JPEG/PNG of at
 * most 5 MB; business licences, software-copyright certificates and commitment letters are PDF, JPG or PNG of at
 * most 20 MB. The type is judged from the file's first bytes, never from its name or the browser's content type.
 */
public enum FileRule {
    IMAGE(5L * 1024 * 1024, Set.of(FileType.JPEG, FileType.PNG)),
    DOCUMENT(20L * 1024 * 1024, Set.of(FileType.PDF, FileType.JPEG, FileType.PNG));

    private final long maxBytes;
    private final Set<FileType> types;

    FileRule(long maxBytes, Set<FileType> types) {
        this.maxBytes = maxBytes;
        this.types = types;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Set<FileType> types() {
        return types;
    }

    /** The file types, sniffed from content. */
    public enum FileType {
        JPEG("image/jpeg"), PNG("image/png"), PDF("application/pdf");

        private final String contentType;

        FileType(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        /** The type these leading bytes announce, or null when none of ours. */
        static FileType sniff(byte[] b) {
            if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
                return JPEG;
            }
            if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                    && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
                return PNG;
            }
            if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
                return PDF;
            }
            return null;
        }
    }
}
