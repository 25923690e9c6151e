/* generated — do not edit. Made by statespec from sources/biztalk-server-instance-states/; regenerate with `npm run build` (statespec build). */
/* Service Instance States */

export const STATES = [
  "InBreakpoint",
  "InBreakpointDehydrated",
  "ReadyToRun",
  "Scheduled",
  "Active",
  "Dehydrated",
  "CompletedWithDiscardedMessages",
  "SuspendedResumable",
  "SuspendedNotResumable",
  "Suspended",
  "Terminated",
  "TerminatedWithUnconsumedMessages",
  "PendingSuspend",
  "PendingTerminate",
] as const;
export type State = (typeof STATES)[number];

export const OPERATIONS = [
  "Terminate",
  "Suspend",
  "Resume",
  "ResumeInBreakpoint",
  "Continue",
  "Attach",
] as const;
export type Operation = (typeof OPERATIONS)[number];

export const LOCALES = [
  "en-US",
  "es-ES",
  "ja-JP",
  "zh-CN",
] as const;
export type Locale = (typeof LOCALES)[number];

export const REFERENCE_LOCALE: Locale = "en-US";

interface Cell {
  readonly to?: State;
  readonly note?: Readonly<Record<Locale, string>>;
}

// The "during an operation" table: starting state × operation → resulting state and note.
const DURING: Readonly<Record<State, Readonly<Partial<Record<Operation, Cell>>>>> = {
  "InBreakpoint": {
    "Terminate": {
      to: "Terminated",
    },
    "Suspend": {
      to: "Suspended",
    },
    "Continue": {
      to: "Active",
    },
    "Attach": {
      to: "InBreakpoint",
    },
  },
  "InBreakpointDehydrated": {
    "Terminate": {
      to: "Terminated",
    },
    "Suspend": {
      to: "Suspended",
    },
    "Continue": {
      to: "Active",
    },
    "Attach": {
      to: "InBreakpoint",
    },
  },
  "ReadyToRun": {
    "Terminate": {
      to: "Terminated",
    },
    "Suspend": {
      to: "Suspended",
    },
  },
  "Scheduled": {
    "Terminate": {
      to: "Terminated",
    },
    "Suspend": {
      to: "Suspended",
    },
  },
  "Active": {
    "Terminate": {
      to: "Terminated",
    },
    "Suspend": {
      to: "Suspended",
    },
  },
  "Dehydrated": {
    "Terminate": {
      to: "Terminated",
    },
    "Suspend": {
      to: "Suspended",
    },
  },
  "CompletedWithDiscardedMessages": {
  },
  "SuspendedResumable": {
    "Terminate": {
      to: "Terminated",
    },
    "Resume": {
      to: "Active",
    },
    "ResumeInBreakpoint": {
      to: "InBreakpoint",
    },
  },
  "SuspendedNotResumable": {
    "Terminate": {
      to: "Terminated",
    },
  },
  "Suspended": {
  },
  "Terminated": {
  },
  "TerminatedWithUnconsumedMessages": {
    "Terminate": {
      to: "Terminated",
    },
  },
  "PendingSuspend": {
    "Terminate": {
      to: "Terminated",
      note: {
        "en-US": "will only work when instance is dehydrated",
        "es-ES": "Las finalizadas sólo podrán funcionar cuando la instancia esté deshidratada",
        "ja-JP": "インスタンスを退避した場合のみ有効。",
        "zh-CN": "只能冻结实例时",
      },
    },
    "Attach": {
      note: {
        "en-US": "Race condition",
        "es-ES": "Condición de anticipación",
        "ja-JP": "競合状態",
        "zh-CN": "争用条件",
      },
    },
  },
  "PendingTerminate": {
    "Terminate": {
      to: "Terminated",
      note: {
        "en-US": "will only work, when instance is dehydrated",
        "es-ES": "solo funcionará, cuando la instancia esté deshidratada",
        "ja-JP": "場合にのみ機能のインスタンスを退避",
        "zh-CN": "仅将适用，已冻结实例时",
      },
    },
    "Attach": {
      note: {
        "en-US": "Race condition",
        "es-ES": "Condición de anticipación",
        "ja-JP": "競合状態",
        "zh-CN": "争用条件",
      },
    },
  },
};

// Where each filled "during" cell leads: a state, or "" for an outcome that names none.
// Kept apart from the notes so that a bundle of canPerform/nextState holds no text.
const TARGETS: Readonly<Record<State, Readonly<Partial<Record<Operation, State | ''>>>>> = {
  "InBreakpoint": { "Terminate": "Terminated", "Suspend": "Suspended", "Continue": "Active", "Attach": "InBreakpoint" },
  "InBreakpointDehydrated": { "Terminate": "Terminated", "Suspend": "Suspended", "Continue": "Active", "Attach": "InBreakpoint" },
  "ReadyToRun": { "Terminate": "Terminated", "Suspend": "Suspended" },
  "Scheduled": { "Terminate": "Terminated", "Suspend": "Suspended" },
  "Active": { "Terminate": "Terminated", "Suspend": "Suspended" },
  "Dehydrated": { "Terminate": "Terminated", "Suspend": "Suspended" },
  "CompletedWithDiscardedMessages": {  },
  "SuspendedResumable": { "Terminate": "Terminated", "Resume": "Active", "ResumeInBreakpoint": "InBreakpoint" },
  "SuspendedNotResumable": { "Terminate": "Terminated" },
  "Suspended": {  },
  "Terminated": {  },
  "TerminatedWithUnconsumedMessages": { "Terminate": "Terminated" },
  "PendingSuspend": { "Terminate": "Terminated", "Attach": "" },
  "PendingTerminate": { "Terminate": "Terminated", "Attach": "" },
};

const DESCRIPTIONS: Readonly<Partial<Record<State, Readonly<Record<Locale, string>>>>> = {
  "InBreakpoint": {
    "en-US": "An active orchestration hits a breakpoint, typically one set by a BizTalk Server solutions developer. This state is valid only for orchestrations.",
    "es-ES": "Una orquestación activa coincide con un punto de interrupción, normalmente con uno establecido por un programador de soluciones de BizTalk Server. Este estado es válido sólo para orquestaciones.",
    "ja-JP": "アクティブなオーケストレーションがブレークポイント (通常は BizTalk Server ソリューション開発者によって設定されます) にヒットしたことを示します。 この状態は、オーケストレーションでのみ有効です。",
    "zh-CN": "活动业务流程遇到断点，通常一组由 BizTalk Server 解决方案开发人员。 此状态是仅对业务流程有效。",
  },
  "ReadyToRun": {
    "en-US": "A service instance that has been activated but has not yet started running, typically due to temporary unavailability of resources, such as a heavy processing load on the server.",
    "es-ES": "Una instancia de servicio que se haya activado pero que todavía no se haya empezado a ejecutar, normalmente por indisponibilidad temporal de recursos, como una elevada carga de procesamiento en el servidor.",
    "ja-JP": "アクティブ化されたサービス インスタンスの実行がまだ開始されていないことを示します。通常は、サーバーの処理負荷が高い場合など、リソースが一時的に使用できないときにこの状態になります。",
    "zh-CN": "已激活但未更新的服务实例尚未开始运行，通常由于暂时不可用的资源，例如处理服务器上的负载过大。",
  },
  "Active": {
    "en-US": "Running service instance.",
    "es-ES": "Instancia de servicio en ejecución.",
    "ja-JP": "サービス インスタンスが実行されていることを示します。",
    "zh-CN": "运行服务实例。",
  },
  "Dehydrated": {
    "en-US": "Instance state persists in the MessageBox database and no Windows service is running that instance.",
    "es-ES": "El estado de instancia se almacena en la base de datos de cuadro de mensajes y ningún servicio de Windows ejecuta esa instancia.",
    "ja-JP": "インスタンスの状態がメッセージ ボックス データベースに保存されていて、そのインスタンスを実行している Windows サービスが存在しないことを示します。",
    "zh-CN": "实例状态保持在 MessageBox 数据库，并且没有任何 Windows 服务正在运行该实例。",
  },
  "CompletedWithDiscardedMessages": {
    "en-US": "The service instance was completed, but some messages were not consumed by the instance.",
    "es-ES": "La instancia de servicio se completó pero la instancia no consumió algunos mensajes.",
    "ja-JP": "サービス インスタンスは完了しましたが、一部のメッセージはインスタンスによって使用されませんでした。",
    "zh-CN": "服务实例已完成，但某些消息未被该实例。",
  },
  "SuspendedResumable": {
    "en-US": "Instance suspended, you can resume it. Important:  Resuming a messaging instance will do the following: \n- Resume the messaging instance.\n- Send the message to the send port.\n- The send port delivers the message to the destination; even if the send port is not in a Started state. \n\n Note that when you suspend a scheduled instance and then resume it, the instance goes into a dehydrated state.",
    "es-ES": "Instancia suspendida; puede reanudarla. Importante: reanudar una instancia de mensajería hará lo siguiente: \n- Reanudar la instancia de mensajería.\n- Enviar el mensaje al puerto de envío.\n- El puerto de envío entrega el mensaje al destino, incluso si el estado del puerto de envío no es Iniciado. \n\n Tenga en cuenta que cuando suspende una instancia programada y luego la reanuda, la instancia adopta un estado deshidratado.",
    "ja-JP": "インスタンスが中断されていて、そのインスタンスを再開できることを示します。 重要: メッセージング インスタンスの再開は次の処理します。 \n- メッセージング インスタンスを再開します。\n- メッセージを送信ポートに送信します。\n- 送信ポートは、開始状態でなくてもメッセージを送信先に配信します。 \n\n スケジュール済みのインスタンスを中断して再開すると、インスタンスは退避済み状態になることに注意してください。",
    "zh-CN": "挂起的实例，则可以恢复它。 重要提示： 恢复消息实例将执行以下操作： \n- 恢复消息实例。\n- 将消息发送到发送端口。\n- 发送端口的消息传递到目标;即使发送端口未处于已启动状态。 \n\n 请注意，如果您挂起某一计划的实例，然后将其恢复该实例将进入冻结状态。",
  },
  "SuspendedNotResumable": {
    "en-US": "Instance suspended, but you cannot resume it. You can save the Messages referenced by the instance, and then you can terminate the instance.\n\n Note that when you suspend a scheduled instance and then resume it, the instance goes into a dehydrated state.",
    "es-ES": "Instancia suspendida, pero no puede reanudarla. Puede guardar los mensajes a los que hace referencia la instancia y luego finalizar la instancia.\n\n Tenga en cuenta que cuando suspende una instancia programada y luego la reanuda, la instancia adopta un estado deshidratado.",
    "ja-JP": "インスタンスが中断されているが、そのインスタンスを再開できないことを示します。 インスタンスによって参照されているメッセージを保存してから、そのインスタンスを終了させることができます。\n\n スケジュール済みのインスタンスを中断して再開すると、インスタンスは退避済み状態になることに注意してください。",
    "zh-CN": "实例已挂起，但您不能恢复它。 可以保存实例，引用的消息，然后终止该实例。\n\n 请注意，如果您挂起某一计划的实例，然后将其恢复该实例将进入冻结状态。",
  },
  "PendingSuspend": {
    "en-US": "A status, not an independent state. You can combine it with other states.\n\n A control message to suspend or terminate was sent to a service instance, but has not yet been picked up by the instance. Only one pending operation allowed at a time. When an instance with a pending operation becomes dehydrated, you can terminate the instance.",
    "es-ES": "Un estado temporal, no un estado independiente. Lo puede combinar con otros estados.\n\n Un mensaje de control para suspender o finalizar se envió a una instancia de servicio, pero la instancia aún no lo ha recogido. Sólo se permite una operación pendiente a la vez Cuando se deshidrata una instancia con una operación pendiente, puede finalizar la instancia.",
    "ja-JP": "独立した状態ではありません。 この状態は、他の状態と組み合わせることができます。\n\n 中断または終了するコントロール メッセージがサービス インスタンスに送信されたが、まだそのインスタンスによって取得されていないことを示します。 同時に保留できる操作は 1 つのみです。 保留中の操作が含まれたインスタンスが退避済みの状態になったら、そのインスタンスを終了させることができます。",
    "zh-CN": "状态，不是独立的状态。 您可以将其与其他状态。\n\n 若要挂起或终止控制消息已发送到服务实例，但具有未尚未提取该实例。 仅允许一个待定操作一次。 当具有挂起的操作的实例被冻结时，可以终止该实例。",
  },
  "PendingTerminate": {
    "en-US": "A status, not an independent state. You can combine it with other states.\n\n A control message to suspend or terminate was sent to a service instance, but has not yet been picked up by the instance. Only one pending operation allowed at a time. When an instance with a pending operation becomes dehydrated, you can terminate the instance.",
    "es-ES": "Un estado temporal, no un estado independiente. Lo puede combinar con otros estados.\n\n Un mensaje de control para suspender o finalizar se envió a una instancia de servicio, pero la instancia aún no lo ha recogido. Sólo se permite una operación pendiente a la vez Cuando se deshidrata una instancia con una operación pendiente, puede finalizar la instancia.",
    "ja-JP": "独立した状態ではありません。 この状態は、他の状態と組み合わせることができます。\n\n 中断または終了するコントロール メッセージがサービス インスタンスに送信されたが、まだそのインスタンスによって取得されていないことを示します。 同時に保留できる操作は 1 つのみです。 保留中の操作が含まれたインスタンスが退避済みの状態になったら、そのインスタンスを終了させることができます。",
    "zh-CN": "状态，不是独立的状态。 您可以将其与其他状态。\n\n 若要挂起或终止控制消息已发送到服务实例，但具有未尚未提取该实例。 仅允许一个待定操作一次。 当具有挂起的操作的实例被冻结时，可以终止该实例。",
  },
};

/** The "operation not allowed" message, in every locale. */
export const MESSAGES: Readonly<Record<Locale, string>> = {
  "en-US": "Operation not allowed",
  "es-ES": "Operation not allowed",
  "ja-JP": "Operation not allowed",
  "zh-CN": "Operation not allowed",
};

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
const STATE_SET: ReadonlySet<string> = new Set(STATES);
const OPERATION_SET: ReadonlySet<string> = new Set(OPERATIONS);

/** True when `value` is one of STATES (for strings from outside the type system). */
export function isState(value: unknown): value is State {
  return typeof value === 'string' && STATE_SET.has(value);
}

/** True when `value` is one of OPERATIONS. */
export function isOperation(value: unknown): value is Operation {
  return typeof value === 'string' && OPERATION_SET.has(value);
}

function cellOf(state: State, operation: Operation): Cell | undefined {
  if (!isState(state) || !isOperation(operation)) return undefined;
  const row = DURING[state];
  return hasOwn(row, operation) ? row[operation] : undefined;
}

/**
 * The filled cell's target ("" for an outcome without a state), or undefined.
 * Unknown names, non-strings and inherited members (even of a polluted
 * Object.prototype) find nothing.
 */
function targetOf(state: State, operation: Operation): State | '' | undefined {
  if (typeof state !== 'string' || typeof operation !== 'string' || !hasOwn(TARGETS, state)) return undefined;
  const row = TARGETS[state];
  return hasOwn(row, operation) ? row[operation] : undefined;
}

/** Whether the article gives `operation` an effect in `state` (its "during" cell is not empty). */
export function canPerform(state: State, operation: Operation): boolean {
  return targetOf(state, operation) !== undefined;
}

/** The state `operation` leads to from `state`, or undefined when the cell names no state. */
export function nextState(state: State, operation: Operation): State | undefined {
  return targetOf(state, operation) || undefined;
}

export interface Transition {
  readonly state: State;
  readonly operation: Operation;
  readonly to?: State;
  /** The article's condition or outcome text, in the requested locale. */
  readonly note?: string;
}

/** The whole "during" cell: resulting state and localized note; undefined when the cell is empty. */
export function transition(state: State, operation: Operation, locale?: string): Transition | undefined {
  const cell = cellOf(state, operation);
  if (!cell) return undefined;
  const result: { state: State; operation: Operation; to?: State; note?: string } = { state, operation };
  if (cell.to !== undefined) result.to = cell.to;
  if (cell.note !== undefined) result.note = cell.note[resolveLocale(locale)];
  return result;
}

/** The article's explanation of `state`, in the requested locale; undefined when it describes none. */
export function describe(state: State, locale?: string): string | undefined {
  if (!isState(state) || !hasOwn(DESCRIPTIONS, state)) return undefined;
  return DESCRIPTIONS[state]![resolveLocale(locale)];
}

/**
 * The best available locale for a BCP 47 tag: an exact match (any case), then
 * the tag with subtags removed from the end (`ko` → `ko-KR`, `en-GB` → `en-US`),
 * then the reference locale.
 */
export function resolveLocale(tag?: string): Locale {
  if (typeof tag !== 'string' || tag.trim() === '') return REFERENCE_LOCALE;
  const subtags = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  // zh-Hant-TW should find zh-TW: the script subtag is dropped for a second try.
  const tries = subtags.length > 2 && subtags[1]!.length === 4 ? [subtags, [subtags[0]!, ...subtags.slice(2)]] : [subtags];
  for (const parts of tries) {
    for (let length = parts.length; length > 0; length--) {
      const prefix = parts.slice(0, length).join('-');
      const exact = LOCALES.find((locale) => locale.toLowerCase() === prefix);
      if (exact) return exact;
    }
  }
  // Same language, another region: the reference if it speaks that language, else the first such locale.
  const language = `${subtags[0]}-`;
  if (REFERENCE_LOCALE.toLowerCase().startsWith(language)) return REFERENCE_LOCALE;
  return LOCALES.find((locale) => locale.toLowerCase().startsWith(language)) ?? REFERENCE_LOCALE;
}

/** Thrown by assertCanPerform; `message` is in the requested locale. */
export class OperationNotAllowedError extends Error {
  override readonly name = 'OperationNotAllowedError';
  readonly state: State;
  readonly operation: Operation;
  readonly locale: Locale;

  constructor(state: State, operation: Operation, locale?: string) {
    const resolved = resolveLocale(locale);
    super(MESSAGES[resolved]);
    this.state = state;
    this.operation = operation;
    this.locale = resolved;
  }
}

/** Throws OperationNotAllowedError unless `operation` may be performed in `state`. */
export function assertCanPerform(state: State, operation: Operation, locale?: string): void {
  if (!canPerform(state, operation)) throw new OperationNotAllowedError(state, operation, locale);
}
