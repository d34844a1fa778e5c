//! `--help` in the run's language. The English texts are the doc comments
//! of the argument structs; the Chinese ones are `cli.*` entries of the
//! message table, put in place of them before the arguments are parsed:
//! `cli.<command>.about`, then `cli.<command>.<argument>`, else
//! `cli.arg.<argument>` for the options several commands share.

use clap::{Command, CommandFactory};
use gongkai::lang::{Lang, template};

use super::Cli;

/// The command line, its help texts in `lang`.
pub(crate) fn localized_command(lang: Lang) -> Command {
    let mut command = Cli::command();
    match lang {
        Lang::En => command,
        Lang::Zh => {
            // Built first, so that clap's own --help and --version exist.
            command.build();
            localize(command, None)
        }
    }
}

/// The Chinese text for `key`, if the table has one.
fn zh(key: &str) -> Option<&'static str> {
    template(key, Lang::Zh)
}

fn localize(mut command: Command, name: Option<&str>) -> Command {
    let scope = name.unwrap_or("gongkai").replace('-', "_");
    if let Some(about) = zh(&format!("cli.{scope}.about")) {
        command = command.about(about);
    }
    command = command
        .help_template("{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("命令");
    let ids: Vec<String> = command.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        let help = zh(&format!("cli.{scope}.{id}")).or_else(|| zh(&format!("cli.arg.{id}")));
        command = command.mut_arg(id.as_str(), |arg| {
            let heading = if arg.is_positional() { "参数" } else { "选项" };
            let arg = arg.help_heading(heading);
            match help {
                Some(help) => arg.help(help).long_help(None::<&str>),
                None => arg,
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for sub in names {
        command = command.mut_subcommand(sub.as_str(), |c| localize(c, Some(&sub)));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument has its Chinese help: a new option
    /// without one fails here.
    #[test]
    fn every_command_and_argument_has_chinese_help() {
        let mut missing = Vec::new();
        let mut command = localized_command(Lang::Zh);
        command.build();
        let english = {
            let mut c = Cli::command();
            c.build();
            c
        };
        check(&command, &english, &mut missing);
        assert!(missing.is_empty(), "no Chinese help for: {missing:?}");
        let help = command.render_help().to_string();
        assert!(help.contains("用法："), "{help}");
        assert!(help.contains("生成网站"), "{help}");
    }

    fn check(zh: &Command, en: &Command, missing: &mut Vec<String>) {
        let about = |c: &Command| c.get_about().map(|a| a.to_string());
        if about(zh) == about(en) {
            missing.push(format!("{} (about)", zh.get_name()));
        }
        for arg in zh.get_arguments() {
            let english = en.get_arguments().find(|a| a.get_id() == arg.get_id());
            let text = |a: &clap::Arg| a.get_help().map(|h| h.to_string());
            if english.map(text) == Some(text(arg)) {
                missing.push(format!("{} --{}", zh.get_name(), arg.get_id()));
            }
        }
        for sub in zh.get_subcommands() {
            if let Some(en_sub) = en.find_subcommand(sub.get_name()) {
                check(sub, en_sub, missing);
            }
        }
    }
}
