package vn.eiso;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import vn.eiso.backup.BackupCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("themes/eiso/styles.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
@PWA(name = "eISO – ISO điện tử", shortName = "eISO")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        if (BackupCommand.requested(args)) {
            // Before the application starts: a restore needs the database as empty as it is (no migration yet).
            System.exit(BackupCommand.run(args, System.out));
        }
        SpringApplication.run(Application.class, args);
    }
}
