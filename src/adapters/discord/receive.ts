// Discord interaction → Invocation: subcommand + options fold back into command text; a button is its custom_id.
import {
  ApplicationCommandOptionType,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  PermissionFlagsBits,
  type User,
} from 'discord.js';
import type { Command } from '../../core/commands/command.ts';
import type { Invocation } from '../../core/model/invocation.ts';
import { FREE_TEXT } from './commands.ts';

/**
 * `done` + {topic: "express"} → "done express": option values in the command's declared order, joined by spaces. A
 * topic followed by text (`note`) is joined by " | ", the grammar's explicit split: Discord already told them apart.
 */
export function foldCommand(
  subcommand: string,
  options: readonly CommandInteractionOption[],
  commands: readonly Command[],
): string {
  const value = (name: string) => {
    const v = options.find((o) => o.name === name)?.value;
    return v === undefined || v === null ? '' : String(v).trim();
  };
  if (subcommand === FREE_TEXT.name) return value(FREE_TEXT.option);
  const command = commands.find((c) => c.name === subcommand);
  // A subcommand the code no longer knows (commands registered by an older version): keep what Discord sent.
  if (!command) return [subcommand, ...options.map((o) => value(o.name))].filter(Boolean).join(' ');
  let text = subcommand;
  command.args.forEach((arg, i) => {
    const v = value(arg.name);
    if (!v) return;
    const afterTopic = arg.kind === 'text' && command.args[i - 1]?.kind === 'topic' && value(command.args[i - 1]!.name);
    text += afterTopic ? ` | ${v}` : ` ${v}`;
  });
  return text;
}

export function commandText(interaction: ChatInputCommandInteraction, commands: readonly Command[]): string {
  const sub = interaction.options.data.find((o) => o.type === ApplicationCommandOptionType.Subcommand);
  if (!sub) return '';
  return foldCommand(sub.name, sub.options ?? [], commands);
}

/** custom_id → command text and, for buttons sent in DMs, the guild they belong to ("<guild id>:<command>"). */
export function parseCustomId(customId: string): { guildId?: string; command: string } {
  // Verbs start with a letter or "?", never a digit, so a leading snowflake and ":" is unambiguous.
  const m = /^(\d{1,20}):([\s\S]*)$/.exec(customId);
  return m ? { guildId: m[1]!, command: m[2]! } : { command: customId };
}

export function invocationFor(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  text: string,
  guildId: string,
): Invocation {
  return {
    platform: 'discord',
    workspace: { id: guildId, ...(interaction.guild?.name ? { name: interaction.guild.name } : {}) },
    // Discord does not tell bots a member's time zone: timeZone stays undefined.
    user: {
      id: interaction.user.id,
      displayName: displayName(interaction),
      isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    },
    place: { ...(interaction.channelId ? { channelId: interaction.channelId } : {}), direct: !interaction.inGuild() },
    text,
    id: interaction.id,
  };
}

function displayName(interaction: ChatInputCommandInteraction | ButtonInteraction): string {
  const member = interaction.member;
  const nick = member && 'nick' in member && typeof member.nick === 'string' ? member.nick : undefined;
  const user: User = interaction.user;
  return nick ?? user.globalName ?? user.username;
}
