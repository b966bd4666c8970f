package vn.eiso.base.web;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import vn.eiso.base.FileLimits;

/**
 * The servlet's multipart limits follow {@code eiso.files.*} instead of the framework's 1 MB default, so the HTTP
 * import takes what the screen takes. The request may be slightly larger than the file (the form's other parts);
 * the rest of {@code spring.servlet.multipart.*} (location, threshold) still applies.
 */
@Configuration(proxyBeanMethods = false)
class MultipartLimits {

    /** Room for the multipart boundaries and the form's small fields beside the file. */
    static final long FORM_OVERHEAD_BYTES = 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(FileLimits limits, ObjectProvider<MultipartProperties> properties) {
        MultipartProperties multipart = properties.getIfAvailable(MultipartProperties::new);
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setLocation(multipart.getLocation());
        factory.setFileSizeThreshold(multipart.getFileSizeThreshold());
        factory.setMaxFileSize(DataSize.ofBytes(limits.largestUploadBytes()));
        factory.setMaxRequestSize(DataSize.ofBytes(limits.largestUploadBytes() + FORM_OVERHEAD_BYTES));
        return factory.createMultipartConfig();
    }
}
