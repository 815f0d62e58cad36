package dev.studybot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering the README's architecture section describes: adapters on the outside, the platform-neutral bot in
 * the middle, store and knowledge at the bottom, and the domain types beneath all of them.
 */
@AnalyzeClasses(packages = "dev.studybot", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule onlyTheAdaptersSpeakSlackOrDiscord = noClasses()
            .that().resideOutsideOfPackages("dev.studybot.slack..", "dev.studybot.discord..", "dev.studybot.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("com.slack.api..", "net.dv8tion..")
            .because("the core translates nothing: adapters turn platform events into Interactions and Replies");

    @ArchTest
    static final ArchRule theCoreKnowsNoAdapter = noClasses()
            .that().resideInAnyPackage("dev.studybot.study..", "dev.studybot.chat..", "dev.studybot.store..",
                    "dev.studybot.qotd..", "dev.studybot.game..", "dev.studybot.domain..", "dev.studybot.itemanalysis..",
                    "dev.studybot.live..", "dev.studybot.pipeline..", "dev.studybot.command..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.studybot.slack..", "dev.studybot.discord..",
                    "dev.studybot.console..", "dev.studybot.cli..");

    @ArchTest
    static final ArchRule theCommandMachineryKnowsNoCommand = noClasses()
            .that().resideInAPackage("dev.studybot.command..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.studybot.study..", "dev.studybot.store..",
                    "dev.studybot.game..", "dev.studybot.qotd..")
            .because("commands plug into the catalogue; the catalogue and the parser run any of them");

    @ArchTest
    static final ArchRule theStoreAndTheRulesKnowNoCommandLayer = noClasses()
            .that().resideInAnyPackage("dev.studybot.store..", "dev.studybot.game..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.studybot.study..", "dev.studybot.command..",
                    "dev.studybot.pipeline..", "dev.studybot.chat..", "dev.studybot.qotd..")
            .because("the layers run adapters -> command layer -> study services -> store and knowledge");

    @ArchTest
    static final ArchRule theDomainDependsOnNothingOfTheBot = noClasses()
            .that().resideInAnyPackage("dev.studybot.domain..", "dev.studybot.itemanalysis..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.studybot.study..", "dev.studybot.chat..",
                    "dev.studybot.store..", "dev.studybot.qotd..", "dev.studybot.game..", "dev.studybot.ops..",
                    "dev.studybot.config..", "dev.studybot.live..");

    @ArchTest
    static final ArchRule theKnowledgeModuleHasNoChatNorDatabase = noClasses()
            .that().resideInAPackage("dev.studybot.knowledge..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.jdbi..",
                    "org.flywaydb..", "com.slack.api..", "net.dv8tion..", "org.quartz..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.studybot.(*)..").should().beFreeOfCycles();
}
