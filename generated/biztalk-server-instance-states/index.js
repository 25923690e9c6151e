/* generated — do not edit. Made by statespec from sources/biztalk-server-instance-states/; regenerate with `npm run build` (statespec build). */
/* Service Instance States */
// The types and the documentation of every export are in index.d.ts.

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
];

export const TRACKED_STATES = [
  "Started",
  "Completed",
  "Terminated",
];

export const MESSAGE_STATES = [
  "Consumed",
  "InProcess",
  "Queued",
  "QueuedAwaitingProcessing",
  "QueuedScheduledForLaterDelivery",
  "QueuedWaitingToRetry",
  "Suspended",
  "SuspendedResumable",
  "SuspendedNotResumable",
];

export const OPERATIONS = [
  "Terminate",
  "Suspend",
  "Resume",
  "ResumeInBreakpoint",
  "Continue",
  "Attach",
];

export const LOCALES = [
  "en-US",
  "es-ES",
  "ja-JP",
  "zh-CN",
];

export const REFERENCE_LOCALE = "en-US";

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const STATE_SET = /* @__PURE__ */ new Set(STATES);
const TRACKED_STATE_SET = /* @__PURE__ */ new Set(TRACKED_STATES);
const MESSAGE_STATE_SET = /* @__PURE__ */ new Set(MESSAGE_STATES);
const OPERATION_SET = /* @__PURE__ */ new Set(OPERATIONS);

export function isState(value) {
  return typeof value === 'string' && STATE_SET.has(value);
}

export function isTrackedState(value) {
  return typeof value === 'string' && TRACKED_STATE_SET.has(value);
}

export function isMessageState(value) {
  return typeof value === 'string' && MESSAGE_STATE_SET.has(value);
}

export function isOperation(value) {
  return typeof value === 'string' && OPERATION_SET.has(value);
}

export function resolveLocale(tag) {
  if (typeof tag !== 'string' || tag.trim() === '') return REFERENCE_LOCALE;
  const subtags = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  // zh-Hant-TW should find zh-TW: the script subtag is dropped for a second try.
  const tries = subtags.length > 2 && subtags[1].length === 4 ? [subtags, [subtags[0], ...subtags.slice(2)]] : [subtags];
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

/**
 * The stated cell at row × column, or undefined. Unknown ids, non-strings and
 * inherited names (even of a polluted Object.prototype) find nothing.
 */
function cellOf(store, row, column) {
  if (typeof row !== 'string' || typeof column !== 'string' || !hasOwn(store, row)) return undefined;
  const cells = store[row];
  return hasOwn(cells, column) ? cells[column] : undefined;
}

/** A text in the best available locale for `locale` (see resolveLocale). */
function localized(texts, locale) {
  return texts?.[resolveLocale(locale)];
}

export const MESSAGES = {
  "en-US": "Operation not allowed",
  "es-ES": "Operation not allowed",
  "ja-JP": "Operation not allowed",
  "zh-CN": "Operation not allowed",
};

// Table "instance": one record per State: Explanation (text).

// Each stated cell in every locale; the reference locale holds the canonical text.
const INSTANCE_EXPLANATION_TEXTS = {
  "InBreakpoint": {
    "Explanation": {
      "en-US": "An active orchestration hits a breakpoint, typically one set by a BizTalk Server solutions developer. This state is valid only for orchestrations.",
      "es-ES": "Una orquestación activa coincide con un punto de interrupción, normalmente con uno establecido por un programador de soluciones de BizTalk Server. Este estado es válido sólo para orquestaciones.",
      "ja-JP": "アクティブなオーケストレーションがブレークポイント (通常は BizTalk Server ソリューション開発者によって設定されます) にヒットしたことを示します。 この状態は、オーケストレーションでのみ有効です。",
      "zh-CN": "活动业务流程遇到断点，通常一组由 BizTalk Server 解决方案开发人员。 此状态是仅对业务流程有效。",
    },
  },
  "ReadyToRun": {
    "Explanation": {
      "en-US": "A service instance that has been activated but has not yet started running, typically due to temporary unavailability of resources, such as a heavy processing load on the server.",
      "es-ES": "Una instancia de servicio que se haya activado pero que todavía no se haya empezado a ejecutar, normalmente por indisponibilidad temporal de recursos, como una elevada carga de procesamiento en el servidor.",
      "ja-JP": "アクティブ化されたサービス インスタンスの実行がまだ開始されていないことを示します。通常は、サーバーの処理負荷が高い場合など、リソースが一時的に使用できないときにこの状態になります。",
      "zh-CN": "已激活但未更新的服务实例尚未开始运行，通常由于暂时不可用的资源，例如处理服务器上的负载过大。",
    },
  },
  "Active": {
    "Explanation": {
      "en-US": "Running service instance.",
      "es-ES": "Instancia de servicio en ejecución.",
      "ja-JP": "サービス インスタンスが実行されていることを示します。",
      "zh-CN": "运行服务实例。",
    },
  },
  "Dehydrated": {
    "Explanation": {
      "en-US": "Instance state persists in the MessageBox database and no Windows service is running that instance.",
      "es-ES": "El estado de instancia se almacena en la base de datos de cuadro de mensajes y ningún servicio de Windows ejecuta esa instancia.",
      "ja-JP": "インスタンスの状態がメッセージ ボックス データベースに保存されていて、そのインスタンスを実行している Windows サービスが存在しないことを示します。",
      "zh-CN": "实例状态保持在 MessageBox 数据库，并且没有任何 Windows 服务正在运行该实例。",
    },
  },
  "CompletedWithDiscardedMessages": {
    "Explanation": {
      "en-US": "The service instance was completed, but some messages were not consumed by the instance.",
      "es-ES": "La instancia de servicio se completó pero la instancia no consumió algunos mensajes.",
      "ja-JP": "サービス インスタンスは完了しましたが、一部のメッセージはインスタンスによって使用されませんでした。",
      "zh-CN": "服务实例已完成，但某些消息未被该实例。",
    },
  },
  "SuspendedResumable": {
    "Explanation": {
      "en-US": "Instance suspended, you can resume it. Important: Resuming a messaging instance will do the following:\n- Resume the messaging instance.\n- Send the message to the send port.\n- The send port delivers the message to the destination; even if the send port is not in a Started state.\n\nNote that when you suspend a scheduled instance and then resume it, the instance goes into a dehydrated state.",
      "es-ES": "Instancia suspendida; puede reanudarla. Importante: reanudar una instancia de mensajería hará lo siguiente:\n- Reanudar la instancia de mensajería.\n- Enviar el mensaje al puerto de envío.\n- El puerto de envío entrega el mensaje al destino, incluso si el estado del puerto de envío no es Iniciado.\n\nTenga en cuenta que cuando suspende una instancia programada y luego la reanuda, la instancia adopta un estado deshidratado.",
      "ja-JP": "インスタンスが中断されていて、そのインスタンスを再開できることを示します。 重要: メッセージング インスタンスの再開は次の処理します。\n- メッセージング インスタンスを再開します。\n- メッセージを送信ポートに送信します。\n- 送信ポートは、開始状態でなくてもメッセージを送信先に配信します。\n\nスケジュール済みのインスタンスを中断して再開すると、インスタンスは退避済み状態になることに注意してください。",
      "zh-CN": "挂起的实例，则可以恢复它。 重要提示： 恢复消息实例将执行以下操作：\n- 恢复消息实例。\n- 将消息发送到发送端口。\n- 发送端口的消息传递到目标;即使发送端口未处于已启动状态。\n\n请注意，如果您挂起某一计划的实例，然后将其恢复该实例将进入冻结状态。",
    },
  },
  "SuspendedNotResumable": {
    "Explanation": {
      "en-US": "Instance suspended, but you cannot resume it. You can save the Messages referenced by the instance, and then you can terminate the instance.\n\nNote that when you suspend a scheduled instance and then resume it, the instance goes into a dehydrated state.",
      "es-ES": "Instancia suspendida, pero no puede reanudarla. Puede guardar los mensajes a los que hace referencia la instancia y luego finalizar la instancia.\n\nTenga en cuenta que cuando suspende una instancia programada y luego la reanuda, la instancia adopta un estado deshidratado.",
      "ja-JP": "インスタンスが中断されているが、そのインスタンスを再開できないことを示します。 インスタンスによって参照されているメッセージを保存してから、そのインスタンスを終了させることができます。\n\nスケジュール済みのインスタンスを中断して再開すると、インスタンスは退避済み状態になることに注意してください。",
      "zh-CN": "实例已挂起，但您不能恢复它。 可以保存实例，引用的消息，然后终止该实例。\n\n请注意，如果您挂起某一计划的实例，然后将其恢复该实例将进入冻结状态。",
    },
  },
  "PendingSuspend": {
    "Explanation": {
      "en-US": "A status, not an independent state. You can combine it with other states.\n\nA control message to suspend or terminate was sent to a service instance, but has not yet been picked up by the instance. Only one pending operation allowed at a time. When an instance with a pending operation becomes dehydrated, you can terminate the instance.",
      "es-ES": "Un estado temporal, no un estado independiente. Lo puede combinar con otros estados.\n\nUn mensaje de control para suspender o finalizar se envió a una instancia de servicio, pero la instancia aún no lo ha recogido. Sólo se permite una operación pendiente a la vez Cuando se deshidrata una instancia con una operación pendiente, puede finalizar la instancia.",
      "ja-JP": "独立した状態ではありません。 この状態は、他の状態と組み合わせることができます。\n\n中断または終了するコントロール メッセージがサービス インスタンスに送信されたが、まだそのインスタンスによって取得されていないことを示します。 同時に保留できる操作は 1 つのみです。 保留中の操作が含まれたインスタンスが退避済みの状態になったら、そのインスタンスを終了させることができます。",
      "zh-CN": "状态，不是独立的状态。 您可以将其与其他状态。\n\n若要挂起或终止控制消息已发送到服务实例，但具有未尚未提取该实例。 仅允许一个待定操作一次。 当具有挂起的操作的实例被冻结时，可以终止该实例。",
    },
  },
  "PendingTerminate": {
    "Explanation": {
      "en-US": "A status, not an independent state. You can combine it with other states.\n\nA control message to suspend or terminate was sent to a service instance, but has not yet been picked up by the instance. Only one pending operation allowed at a time. When an instance with a pending operation becomes dehydrated, you can terminate the instance.",
      "es-ES": "Un estado temporal, no un estado independiente. Lo puede combinar con otros estados.\n\nUn mensaje de control para suspender o finalizar se envió a una instancia de servicio, pero la instancia aún no lo ha recogido. Sólo se permite una operación pendiente a la vez Cuando se deshidrata una instancia con una operación pendiente, puede finalizar la instancia.",
      "ja-JP": "独立した状態ではありません。 この状態は、他の状態と組み合わせることができます。\n\n中断または終了するコントロール メッセージがサービス インスタンスに送信されたが、まだそのインスタンスによって取得されていないことを示します。 同時に保留できる操作は 1 つのみです。 保留中の操作が含まれたインスタンスが退避済みの状態になったら、そのインスタンスを終了させることができます。",
      "zh-CN": "状态，不是独立的状态。 您可以将其与其他状态。\n\n若要挂起或终止控制消息已发送到服务实例，但具有未尚未提取该实例。 仅允许一个待定操作一次。 当具有挂起的操作的实例被冻结时，可以终止该实例。",
    },
  },
};

export function describe(state, locale) {
  return localized(cellOf(INSTANCE_EXPLANATION_TEXTS, state, "Explanation"), locale);
}

// Table "tracked": one record per TrackedState: Explanation (text).

// Each stated cell in every locale; the reference locale holds the canonical text.
const TRACKED_EXPLANATION_TEXTS = {
  "Started": {
    "Explanation": {
      "en-US": "Any service instance that is presently in the MessageBox, for example, in suspended (resumable) or in-breakpoint state, shows up as Started in the BizTalk Tracking database.",
      "es-ES": "Cualquier instancia de servicio que se encuentre, en un momento determinado, en el cuadro de mensajes, por ejemplo, en un estado de punto de interrupción o suspendido (reanudable), se muestra como iniciada en la base de datos de seguimiento de BizTalk.",
      "ja-JP": "中断 (再開可能) 状態やブレークポイント状態のインスタンスを含め、メッセージ ボックス内に存在するすべてのサービス インスタンスは、BizTalk 追跡データベースでは \"開始\" として表示されます。",
      "zh-CN": "任何目前在 MessageBox 中，例如，在已挂起 （可恢复） 的服务实例或在断点处的状态，显示为已启动 BizTalk 跟踪数据库中。",
    },
  },
  "Completed": {
    "Explanation": {
      "en-US": "The service instance processing has completed successfully.",
      "es-ES": "El procesamiento de la instancia de servicio se ha completado correctamente.",
      "ja-JP": "サービス インスタンスの処理が正常に終了していることを示します。",
      "zh-CN": "服务实例处理已成功完成。",
    },
  },
  "Terminated": {
    "Explanation": {
      "en-US": "The service instance was terminated.",
      "es-ES": "Se finalizó la instancia de servicio.",
      "ja-JP": "サービス インスタンスが強制終了されたことを示します。",
      "zh-CN": "服务实例已终止。",
    },
  },
};

// Table "message": one record per MessageState: Explanation (text).

// Each stated cell in every locale; the reference locale holds the canonical text.
const MESSAGE_EXPLANATION_TEXTS = {
  "Consumed": {
    "Explanation": {
      "en-US": "The message is being processed by a service instance.",
      "es-ES": "Una instancia de servicio está procesando el mensaje.",
      "ja-JP": "メッセージはサービス インスタンスによって現在処理されています。",
      "zh-CN": "是由服务实例正在处理的消息。",
    },
  },
  "InProcess": {
    "Explanation": {
      "en-US": "The message has been delivered to the engine and is being processed. It is in memory.",
      "es-ES": "El mensaje se ha entregado al motor y se está procesando. Se encuentra en memoria.",
      "ja-JP": "メッセージはエンジンに送られ、処理中です。 メッセージはメモリ内にあります。",
      "zh-CN": "消息已传送到引擎，正在进行处理。 它是在内存中。",
    },
  },
  "Queued": {
    "Explanation": {
      "en-US": "Queued encompasses the Queued (awaiting processing), Queued (scheduled for later delivery), and Queued (waiting to retry) instance states.",
      "es-ES": "En cola abarca los estados de instancia En cola (en espera de procesarse), En cola (programado para entregarse más tarde) y En cola (en espera de reintento).",
      "ja-JP": "キューに登録済み (処理の待機中)、キューに登録済み (配信スケジュール済み)、キューに登録済み (再試行の待機中) の各インスタンス状態が含まれます。",
      "zh-CN": "已排队包含已排队 （等待处理）、 已排队 （计划以后送达），并已排队 （等待重试） 实例状态。",
    },
  },
  "QueuedAwaitingProcessing": {
    "Explanation": {
      "en-US": "The message is in an ordered delivery scenario when the preceding message is being retried by the ordered delivery send port.",
      "es-ES": "El mensaje se encuentra en un escenario de entrega ordenada cuando el mensaje anterior es objeto de reintento por parte del puerto de envío de entrega ordenada.",
      "ja-JP": "順次配送のシナリオで、先行するメッセージが順次配送の送信ポートによって再試行されていることを示します。",
      "zh-CN": "在前面的消息按序的送达发送端口正在重试时，则消息将按序的送达方案中。",
    },
  },
  "QueuedScheduledForLaterDelivery": {
    "Explanation": {
      "en-US": "The message is waiting to be sent by a send port that has a service window set.",
      "es-ES": "El mensaje está esperando a ser enviado por un puerto de envío que tiene establecida una ventana de servicio.",
      "ja-JP": "メッセージは、サービス時間帯が設定されている送信ポートで送信を待機中です。",
      "zh-CN": "正在等待通过已设置的服务时段的发送端口发送消息。",
    },
  },
  "QueuedWaitingToRetry": {
    "Explanation": {
      "en-US": "The message is associated with a send port that is attempting to resend it because the destination URI is unavailable.",
      "es-ES": "El mensaje se encuentra asociado a un puerto de envío que intenta volver a enviarlo, puesto que el URI de destino no se encuentra disponible.",
      "ja-JP": "メッセージの送信先 URI が利用できないため、メッセージが関連付けられている送信ポートで再送信を試行中です。",
      "zh-CN": "该消息是与尝试重新发送该由于目标 URI 不可用的发送端口相关联。",
    },
  },
  "Suspended": {
    "Explanation": {
      "en-US": "Suspended encompasses the Suspended (resumable) and Suspended (not-resumable) instance states.",
      "es-ES": "Suspendido abarca los estados de instancia Suspendido (reanudable) y Suspendido (no reanudable).",
      "ja-JP": "中断 (再開可能) および中断 (再開不可) のインスタンス状態が含まれます。",
      "zh-CN": "包含已挂起的已挂起 （恢复） 和已挂起 （不可恢复） 实例状态。",
    },
  },
  "SuspendedResumable": {
    "Explanation": {
      "en-US": "The service instance associated with the message is suspended, and can be resumed.\n\nResuming a messaging instance will do the following:\n\n- Resume the messaging instance.\n- Send the message to the send port.\n- The send port delivers the message to the destination; even if the send port is not in a Started state.",
      "es-ES": "La instancia de servicio asociada con el mensaje está suspendida y se puede reanudar.\n\nAl reanudar una instancia de mensajería, se llevan a cabo los pasos que se describen a continuación:\n\n-Reanudar la instancia de mensajería.\n-Enviar el mensaje al puerto de envío.\n-El puerto de envío entrega el mensaje al destino; incluso si el puerto de envío no está en un estado iniciado.",
      "ja-JP": "メッセージに関連付けられているサービス インスタンスが中断しています。再開は可能です。\n\nメッセージング インスタンスの再開では、次の動作を実行します。\n\n-メッセージのインスタンスを再開します。\n-送信ポートにメッセージを送信します。\n-送信ポートを送信先にメッセージが配信されます。場合でも、送信ポートは、開始状態でないです。",
      "zh-CN": "与消息关联的服务实例挂起时，并可以恢复。\n\n恢复消息实例将执行以下操作：\n\n-恢复消息实例。\n-将消息发送到发送端口。\n-发送端口的消息传递到目标;即使发送端口未处于已启动状态。",
    },
  },
  "SuspendedNotResumable": {
    "Explanation": {
      "en-US": "The service instance associated with the message is suspended, and cannot be resumed.",
      "es-ES": "La instancia de servicio asociada con el mensaje está suspendida y no se puede reanudar.",
      "ja-JP": "メッセージに関連付けられているサービス インスタンスが中断しています。再開することはできません。",
      "zh-CN": "与消息关联的服务实例已挂起，但无法恢复。",
    },
  },
};

// Table "beforeAfter": State × State; each cell a mentions of Operation.

// The Operation ids each stated cell names, in the order it names them.
const BEFORE_AFTER_VALUES = {
  "InBreakpoint": {
    "InBreakpoint": /* @__PURE__ */ Object.freeze(["Attach"]),
    "Active": /* @__PURE__ */ Object.freeze(["Continue"]),
    "Dehydrated": /* @__PURE__ */ Object.freeze([]),
    "PendingSuspend": /* @__PURE__ */ Object.freeze(["Suspend"]),
    "PendingTerminate": /* @__PURE__ */ Object.freeze(["Terminate"]),
  },
  "InBreakpointDehydrated": {
    "InBreakpoint": /* @__PURE__ */ Object.freeze(["Attach"]),
    "Active": /* @__PURE__ */ Object.freeze(["Continue"]),
    "Dehydrated": /* @__PURE__ */ Object.freeze([]),
    "Suspended": /* @__PURE__ */ Object.freeze(["Suspend"]),
    "Terminated": /* @__PURE__ */ Object.freeze(["Terminate"]),
  },
  "ReadyToRun": {
    "Suspended": /* @__PURE__ */ Object.freeze(["Suspend"]),
    "Terminated": /* @__PURE__ */ Object.freeze(["Terminate"]),
  },
  "Scheduled": {
    "Active": /* @__PURE__ */ Object.freeze([]),
  },
  "Active": {
    "Dehydrated": /* @__PURE__ */ Object.freeze([]),
    "PendingSuspend": /* @__PURE__ */ Object.freeze(["Suspend"]),
    "PendingTerminate": /* @__PURE__ */ Object.freeze(["Terminate"]),
  },
  "Dehydrated": {
    "Active": /* @__PURE__ */ Object.freeze([]),
    "Dehydrated": /* @__PURE__ */ Object.freeze([]),
    "Suspended": /* @__PURE__ */ Object.freeze(["Suspend"]),
    "Terminated": /* @__PURE__ */ Object.freeze(["Terminate"]),
  },
  "SuspendedResumable": {
    "InBreakpoint": /* @__PURE__ */ Object.freeze(["ResumeInBreakpoint"]),
    "Active": /* @__PURE__ */ Object.freeze(["Resume"]),
    "Terminated": /* @__PURE__ */ Object.freeze(["Terminate"]),
  },
  "SuspendedNotResumable": {
    "Terminated": /* @__PURE__ */ Object.freeze(["Terminate"]),
  },
  "TerminatedWithUnconsumedMessages": {
    "Terminated": /* @__PURE__ */ Object.freeze(["Terminate"]),
  },
  "PendingSuspend": {
    "InBreakpoint": /* @__PURE__ */ Object.freeze(["Attach"]),
    "Dehydrated": /* @__PURE__ */ Object.freeze([]),
    "Suspended": /* @__PURE__ */ Object.freeze([]),
    "Terminated": /* @__PURE__ */ Object.freeze(["Terminate"]),
  },
  "PendingTerminate": {
    "InBreakpoint": /* @__PURE__ */ Object.freeze(["Attach"]),
    "Dehydrated": /* @__PURE__ */ Object.freeze([]),
    "Terminated": /* @__PURE__ */ Object.freeze([]),
  },
};

// Each stated cell as written, in every locale.
const BEFORE_AFTER_TEXTS = {
  "InBreakpoint": {
    "InBreakpoint": {
      "en-US": "Attach from debugger",
      "es-ES": "Adjuntar desde el depurador",
      "ja-JP": "デバッガーからアタッチ",
      "zh-CN": "从调试器附加",
    },
    "Active": {
      "en-US": "Continue from debugger",
      "es-ES": "Continuar desde el depurador",
      "ja-JP": "デバッガーから続行",
      "zh-CN": "从调试器继续",
    },
    "Dehydrated": {
      "en-US": "Stop Windows Service",
      "es-ES": "Detener Servicio de Windows",
      "ja-JP": "Windows サービスの停止",
      "zh-CN": "停止 Windows 服务",
    },
    "PendingSuspend": {
      "en-US": "Suspend",
      "es-ES": "Suspender",
      "ja-JP": "[中断]",
      "zh-CN": "挂起",
    },
    "PendingTerminate": {
      "en-US": "Terminate",
      "es-ES": "Finalizar",
      "ja-JP": "終了",
      "zh-CN": "终止",
    },
  },
  "InBreakpointDehydrated": {
    "InBreakpoint": {
      "en-US": "Attach from debugger",
      "es-ES": "Adjuntar desde el depurador",
      "ja-JP": "デバッガーからアタッチ",
      "zh-CN": "从调试器附加",
    },
    "Active": {
      "en-US": "Continue from debugger",
      "es-ES": "Continuar desde el depurador",
      "ja-JP": "デバッガーから続行",
      "zh-CN": "从调试器继续",
    },
    "Dehydrated": {
      "en-US": "Stop Windows Service",
      "es-ES": "Detener Servicio de Windows",
      "ja-JP": "Windows サービスの停止",
      "zh-CN": "停止 Windows 服务",
    },
    "Suspended": {
      "en-US": "Suspend",
      "es-ES": "Suspender",
      "ja-JP": "[中断]",
      "zh-CN": "挂起",
    },
    "Terminated": {
      "en-US": "Terminate",
      "es-ES": "Finalizar",
      "ja-JP": "終了",
      "zh-CN": "终止",
    },
  },
  "ReadyToRun": {
    "Suspended": {
      "en-US": "Suspend",
      "es-ES": "Suspender",
      "ja-JP": "[中断]",
      "zh-CN": "挂起",
    },
    "Terminated": {
      "en-US": "Terminate",
      "es-ES": "Finalizar",
      "ja-JP": "終了",
      "zh-CN": "终止",
    },
  },
  "Scheduled": {
    "Active": {
      "en-US": "Runtime picks up instance because service windows has started",
      "es-ES": "El tiempo de ejecución recoge la instancia porque se han iniciado ventanas de servicio.",
      "ja-JP": "ランタイムがインスタンスを取得 (サービス時間帯は既に始まっているため)",
      "zh-CN": "运行时提取实例由于服务时段已开始",
    },
  },
  "Active": {
    "Dehydrated": {
      "en-US": "Stop Windows Service",
      "es-ES": "Detener Servicio de Windows",
      "ja-JP": "Windows サービスの停止",
      "zh-CN": "停止 Windows 服务",
    },
    "PendingSuspend": {
      "en-US": "Suspend",
      "es-ES": "Suspender",
      "ja-JP": "[中断]",
      "zh-CN": "挂起",
    },
    "PendingTerminate": {
      "en-US": "Terminate",
      "es-ES": "Finalizar",
      "ja-JP": "終了",
      "zh-CN": "终止",
    },
  },
  "Dehydrated": {
    "Active": {
      "en-US": "Runtime picks up instance",
      "es-ES": "El tiempo de ejecución recoge la instancia.",
      "ja-JP": "ランタイムがインスタンスを取得",
      "zh-CN": "运行时提取实例",
    },
    "Dehydrated": {
      "en-US": "Stop Windows Service",
      "es-ES": "Detener Servicio de Windows",
      "ja-JP": "Windows サービスの停止",
      "zh-CN": "停止 Windows 服务",
    },
    "Suspended": {
      "en-US": "Suspend",
      "es-ES": "Suspender",
      "ja-JP": "[中断]",
      "zh-CN": "挂起",
    },
    "Terminated": {
      "en-US": "Terminate",
      "es-ES": "Finalizar",
      "ja-JP": "終了",
      "zh-CN": "终止",
    },
  },
  "SuspendedResumable": {
    "InBreakpoint": {
      "en-US": "Resume in breakpoint from debugger",
      "es-ES": "Reanudar en punto de interrupción desde el depurador",
      "ja-JP": "デバッガーでブレークポイントから再開",
      "zh-CN": "在调试器中的断点处恢复",
    },
    "Active": {
      "en-US": "Resume",
      "es-ES": "Reanudar",
      "ja-JP": "[再開]",
      "zh-CN": "恢复",
    },
    "Terminated": {
      "en-US": "Terminate",
      "es-ES": "Finalizar",
      "ja-JP": "終了",
      "zh-CN": "终止",
    },
  },
  "SuspendedNotResumable": {
    "Terminated": {
      "en-US": "Terminate",
      "es-ES": "Finalizar",
      "ja-JP": "終了",
      "zh-CN": "终止",
    },
  },
  "TerminatedWithUnconsumedMessages": {
    "Terminated": {
      "en-US": "Terminate",
      "es-ES": "Finalizar",
      "ja-JP": "終了",
      "zh-CN": "终止",
    },
  },
  "PendingSuspend": {
    "InBreakpoint": {
      "en-US": "Attach can be attempted but should eventually fail",
      "es-ES": "Se puede intentar adjuntar, pero con el tiempo se debe producir un error.",
      "ja-JP": "接続を試行するが最終的には失敗",
      "zh-CN": "附加可尝试但最终会失败",
    },
    "Dehydrated": {
      "en-US": "Stop Windows Service",
      "es-ES": "Detener Servicio de Windows",
      "ja-JP": "Windows サービスの停止",
      "zh-CN": "停止 Windows 服务",
    },
    "Suspended": {
      "en-US": "Request processed",
      "es-ES": "Solicitud procesada",
      "ja-JP": "要求を処理",
      "zh-CN": "处理请求",
    },
    "Terminated": {
      "en-US": "Terminate will only work when instance is dehydrated",
      "es-ES": "Sólo se podrá finalizar cuando la instancia esté deshidratada",
      "ja-JP": "インスタンスを退避した場合のみ終了",
      "zh-CN": "终止已冻结实例时才会起",
    },
  },
  "PendingTerminate": {
    "InBreakpoint": {
      "en-US": "Attach can be attempted but should eventually fail",
      "es-ES": "Se puede intentar adjuntar, pero con el tiempo se debe producir un error.",
      "ja-JP": "接続を試行するが最終的には失敗",
      "zh-CN": "附加可尝试但最终会失败",
    },
    "Dehydrated": {
      "en-US": "Stop Windows Service, instance dehydrates",
      "es-ES": "Detener servicio de Windows, la instancia se deshidrata",
      "ja-JP": "Windows サービスを停止してインスタンスを退避",
      "zh-CN": "停止 Windows 服务，冻结实例",
    },
    "Terminated": {
      "en-US": "Request processed, or instance dehydrated",
      "es-ES": "Solicitud procesada o instancia deshidratada",
      "ja-JP": "要求を処理またはインスタンスを退避",
      "zh-CN": "请求已处理或实例已冻结",
    },
  },
};

// Table "during": State × Operation; each cell a ref to State.

// Where each filled cell leads: a State, or "" where it names none. Kept apart from the notes, so that code that only checks or follows cells bundles no text.
const DURING_TARGETS = {
  "InBreakpoint": { "Terminate": "Terminated", "Suspend": "Suspended", "Continue": "Active", "Attach": "InBreakpoint" },
  "InBreakpointDehydrated": { "Terminate": "Terminated", "Suspend": "Suspended", "Continue": "Active", "Attach": "InBreakpoint" },
  "ReadyToRun": { "Terminate": "Terminated", "Suspend": "Suspended" },
  "Scheduled": { "Terminate": "Terminated", "Suspend": "Suspended" },
  "Active": { "Terminate": "Terminated", "Suspend": "Suspended" },
  "Dehydrated": { "Terminate": "Terminated", "Suspend": "Suspended" },
  "SuspendedResumable": { "Terminate": "Terminated", "Resume": "Active", "ResumeInBreakpoint": "InBreakpoint" },
  "SuspendedNotResumable": { "Terminate": "Terminated" },
  "TerminatedWithUnconsumedMessages": { "Terminate": "Terminated" },
  "PendingSuspend": { "Terminate": "Terminated", "Attach": "" },
  "PendingTerminate": { "Terminate": "Terminated", "Attach": "" },
};

// What each cell says besides its target (all of it where it names none), in every locale.
const DURING_NOTES = {
  "PendingSuspend": {
    "Terminate": {
      "en-US": "will only work when instance is dehydrated",
      "es-ES": "Las finalizadas sólo podrán funcionar cuando la instancia esté deshidratada",
      "ja-JP": "インスタンスを退避した場合のみ有効。",
      "zh-CN": "只能冻结实例时",
    },
    "Attach": {
      "en-US": "Race condition",
      "es-ES": "Condición de anticipación",
      "ja-JP": "競合状態",
      "zh-CN": "争用条件",
    },
  },
  "PendingTerminate": {
    "Terminate": {
      "en-US": "will only work, when instance is dehydrated",
      "es-ES": "solo funcionará, cuando la instancia esté deshidratada",
      "ja-JP": "場合にのみ機能のインスタンスを退避",
      "zh-CN": "仅将适用，已冻结实例时",
    },
    "Attach": {
      "en-US": "Race condition",
      "es-ES": "Condición de anticipación",
      "ja-JP": "競合状態",
      "zh-CN": "争用条件",
    },
  },
};

export function canPerform(state, operation) {
  return cellOf(DURING_TARGETS, state, operation) !== undefined;
}

export function nextState(state, operation) {
  return cellOf(DURING_TARGETS, state, operation) || undefined;
}

export function transition(state, operation, locale) {
  const target = cellOf(DURING_TARGETS, state, operation);
  if (target === undefined) return undefined;
  const result = { state, operation };
  if (target !== '') result.to = target;
  const note = cellOf(DURING_NOTES, state, operation);
  if (note !== undefined) result.note = note[resolveLocale(locale)];
  return result;
}

export class OperationNotAllowedError extends Error {
  name = "OperationNotAllowedError";

  constructor(state, operation, locale) {
    const resolved = resolveLocale(locale);
    super(MESSAGES[resolved]);
    this.state = state;
    this.operation = operation;
    this.locale = resolved;
  }
}

export function assertCanPerform(state, operation, locale) {
  if (!canPerform(state, operation)) throw new OperationNotAllowedError(state, operation, locale);
}

// The generic view: every table by id, read through lookup() and text().

export const TABLES = {
  "instance": { id: "instance", rows: STATES, columns: ["Explanation"] },
  "tracked": { id: "tracked", rows: TRACKED_STATES, columns: ["Explanation"] },
  "message": { id: "message", rows: MESSAGE_STATES, columns: ["Explanation"] },
  "beforeAfter": { id: "beforeAfter", rows: STATES, columns: STATES },
  "during": { id: "during", rows: STATES, columns: OPERATIONS },
};

// How lookup() and text() read the cells of a matrix, or of each column of a record table.
const READERS = {
  "instance": {
    columns: {
      "Explanation": {
        value: (row, column) => cellOf(INSTANCE_EXPLANATION_TEXTS, row, column)?.[REFERENCE_LOCALE],
        text: (row, column, locale) => localized(cellOf(INSTANCE_EXPLANATION_TEXTS, row, column), locale),
      },
    },
  },
  "tracked": {
    columns: {
      "Explanation": {
        value: (row, column) => cellOf(TRACKED_EXPLANATION_TEXTS, row, column)?.[REFERENCE_LOCALE],
        text: (row, column, locale) => localized(cellOf(TRACKED_EXPLANATION_TEXTS, row, column), locale),
      },
    },
  },
  "message": {
    columns: {
      "Explanation": {
        value: (row, column) => cellOf(MESSAGE_EXPLANATION_TEXTS, row, column)?.[REFERENCE_LOCALE],
        text: (row, column, locale) => localized(cellOf(MESSAGE_EXPLANATION_TEXTS, row, column), locale),
      },
    },
  },
  "beforeAfter": {
    value: (row, column) => cellOf(BEFORE_AFTER_VALUES, row, column),
    text: (row, column, locale) => localized(cellOf(BEFORE_AFTER_TEXTS, row, column), locale),
  },
  "during": {
    value: (row, column) => (cellOf(DURING_TARGETS, row, column) || undefined),
    text: (row, column, locale) => localized(cellOf(DURING_NOTES, row, column), locale),
  },
};

function readerOf(table, column) {
  if (typeof table !== 'string' || !hasOwn(READERS, table)) return undefined;
  const reader = READERS[table];
  if (!('columns' in reader)) return reader;
  return typeof column === 'string' && hasOwn(reader.columns, column) ? reader.columns[column] : undefined;
}

export function lookup(table, row, column) {
  return readerOf(table, column)?.value(row, column);
}

export function text(table, row, column, locale) {
  return readerOf(table, column)?.text(row, column, locale);
}
