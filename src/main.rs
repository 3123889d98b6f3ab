//! The `newsparse` command: argument parsing, and the one place that turns a command's outcome
//! into an exit status. The commands are in `cli/`, the work in the library.

mod cli;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Turn saved news-article pages into JSON records.
///
/// Reads pages saved from news portals — HTML ("Save page as"), single-file MHTML, gzip-compressed
/// pages, or text copied out of the browser — and prints one JSON record per page (JSON Lines),
/// in argument order; folders are walked recursively in sorted order. A page that fails is
/// reported on stderr as `newsparse: PATH: reason`; the others still print.
///
/// Exit status: 0 every input parsed, 1 some input failed or the run could not be done, 2 usage
/// error, 130 interrupted (SIGINT), 143 terminated (SIGTERM).
#[derive(Parser, Debug)]
#[command(
    name = "newsparse",
    version,
    about,
    long_about,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    #[command(flatten)]
    convert: cli::convert::ConvertArgs,

    /// Print shell completions, or a man page, and exit. `--generate man DIR` writes a page for
    /// every subcommand into DIR.
    #[arg(long, value_name = "WHAT")]
    generate: Option<Generate>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Keep records in a compact archive file (zstd-compressed JSON Lines with an index).
    #[command(subcommand)]
    Archive(cli::archive::ArchiveCommand),
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum Generate {
    Man,
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    cli::signals::install();
    let outcome = try_main(cli);
    cli::signals::exit_if_interrupted();
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        // A closed output pipe: whoever reads has what they wanted.
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsparse: {}", cli::message(&e));
            ExitCode::from(1)
        }
    }
}

/// Runs the command: `Ok(false)` when some input failed (each reported already), `Err` when the
/// command could not be done at all.
fn try_main(cli: Cli) -> cli::Outcome {
    match (cli.command, cli.generate) {
        (Some(Command::Archive(cmd)), _) => cli::archive::run(cmd),
        (None, Some(what)) => generate(what, &cli.convert.inputs),
        (None, None) => cli::convert::run(cli.convert),
    }
}

fn generate(what: Generate, args: &[PathBuf]) -> cli::Outcome {
    let mut cmd = Cli::command();
    let shell = match what {
        Generate::Man => return man(cmd, args),
        Generate::Bash => clap_complete::Shell::Bash,
        Generate::Zsh => clap_complete::Shell::Zsh,
        Generate::Fish => clap_complete::Shell::Fish,
        Generate::Elvish => clap_complete::Shell::Elvish,
        Generate::Powershell => clap_complete::Shell::PowerShell,
    };
    clap_complete::generate(shell, &mut cmd, "newsparse", &mut io::stdout());
    Ok(true)
}

/// `--generate man`: the main page on stdout; `--generate man DIR`: `newsparse.1` and a page
/// per subcommand (`newsparse-archive-add.1`, …) written into DIR.
fn man(cmd: clap::Command, args: &[PathBuf]) -> cli::Outcome {
    match args {
        [] => clap_mangen::Man::new(cmd).render(&mut io::stdout())?,
        [dir] => {
            std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: {}", dir.display(), cli::io_reason(&e)))?;
            clap_mangen::generate_to(cmd, dir)
                .map_err(|e| anyhow::anyhow!("{}: {}", dir.display(), cli::io_reason(&e)))?;
            list_pages(dir);
        }
        _ => anyhow::bail!("--generate man takes at most one folder"),
    }
    Ok(true)
}

fn list_pages(dir: &Path) {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("newsparse") && n.ends_with(".1"))
        .collect();
    names.sort();
    for n in names {
        println!("{}", dir.join(n).display());
    }
}
