/** Templates for the library: from text, or a built-in by name. Nothing reads the process. */
import { EstimateError } from '../diagnostics/error.js';
import { buildModel } from '../model/build.js';
import { type Model } from '../model/model.js';
import { parseTemplate } from '../template/load.js';
import { builtinFolder, readTemplateFile } from '../template/read-file.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { guarded } from './errors.js';

/** A loaded, checked template: its name, title, inputs and quantities, ready to evaluate. */
export interface Template {
  readonly name: string;
  readonly title: string;
  readonly inputs: readonly { readonly name: string; readonly label: string; readonly help: string; readonly default: string }[];
  readonly quantities: readonly { readonly name: string; readonly label: string }[];
  /** The built model (internal; pass the template to evaluateTemplate). */
  readonly model: Model;
}

export interface LoadOptions {
  /** The file name errors quote (`my-model.yaml`); default `<template>`. */
  readonly fileName?: string;
}

/** Loads a template from its YAML text; every problem is reported (TemplateErrors when several). */
export function loadTemplate(yamlText: string, options: LoadOptions = {}): Template {
  return guarded(() => {
    if (typeof yamlText !== 'string') throw new EstimateError('E0904', 'loadTemplate takes the YAML text as a string', { where: 'loadTemplate(text)' });
    return fromModel(buildModel(parseTemplate({ name: options.fileName ?? '<template>', text: yamlText })));
  });
}

/** The names of the built-in templates. */
export function builtinTemplates(): string[] {
  return guarded(() =>
    readdirSync(builtinFolder())
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -5))
      .sort(),
  );
}

/** Loads a built-in template by name (`twitter`). */
export function loadBuiltinTemplate(name: string): Template {
  return guarded(() => {
    const known = builtinTemplates();
    if (!known.includes(name)) throw new EstimateError('E0901', `unknown built-in template \`${name}\``, { where: 'loadBuiltinTemplate(name)', help: [`the built-in templates are ${known.join(', ')}`] });
    const file = readTemplateFile(join(builtinFolder(), `${name}.yaml`), `templates/${name}.yaml`);
    return fromModel(buildModel(parseTemplate(file, { name, folder: builtinFolder() })));
  });
}

function fromModel(model: Model): Template {
  return {
    name: model.spec.name,
    title: model.spec.title,
    inputs: model.spec.inputs.map((i) => ({ name: i.name.text, label: i.label, help: i.help, default: i.default.text })),
    quantities: model.spec.quantities.map((q) => ({ name: q.name.text, label: q.label })),
    model,
  };
}
