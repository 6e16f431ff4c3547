package vn.tracuu.indexer.cli;

import picocli.CommandLine.Command;

/**
 * {@code tracuu eval …}: measures tracuu against gold data. Each measurement is a subcommand whose
 * last output line is machine-readable (other tools parse it).
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Measure segmentation, retrieval or metadata extraction against gold data; generate an"
            + " index for scale benchmarks.",
    subcommands = {
      EvalSegmentationCommand.class,
      EvalRetrievalCommand.class,
      EvalThroughputCommand.class,
      EvalMetadataCommand.class,
      EvalSyntheticIndexCommand.class
    })
public final class EvalCommand {}
