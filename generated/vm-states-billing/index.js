/* generated — do not edit. Made by statespec from sources/vm-states-billing/; regenerate with `npm run build` (statespec build). */
/* States and billing status of Azure Virtual Machines */
// The types and the documentation of every export are in index.d.ts.

export const POWER_STATES = [
  "Starting",
  "Running",
  "Stopping",
  "Stopped",
  "Deallocating",
  "Deallocated",
];

export const PROVISIONING_STATES = [
  "Creating",
  "Updating",
  "Failed",
  "Succeeded",
  "Deleting",
  "Migrating",
];

export const OS_PROVISIONING_STATES = [
  "OSProvisioningInProgress",
  "OSProvisioningComplete",
  "Succeeded",
  "Failed",
];

export const BILLING = [
  "Billed",
  "NotBilled",
];

export const LOCALES = [
  "de-DE",
  "en-US",
  "es-ES",
  "fr-FR",
  "ja-JP",
  "ko-KR",
  "zh-CN",
];

export const REFERENCE_LOCALE = "en-US";

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const POWER_STATE_SET = /* @__PURE__ */ new Set(POWER_STATES);
const PROVISIONING_STATE_SET = /* @__PURE__ */ new Set(PROVISIONING_STATES);
const OS_PROVISIONING_STATE_SET = /* @__PURE__ */ new Set(OS_PROVISIONING_STATES);
const BILLING_SET = /* @__PURE__ */ new Set(BILLING);

export function isPowerState(value) {
  return typeof value === 'string' && POWER_STATE_SET.has(value);
}

export function isProvisioningState(value) {
  return typeof value === 'string' && PROVISIONING_STATE_SET.has(value);
}

export function isOSProvisioningState(value) {
  return typeof value === 'string' && OS_PROVISIONING_STATE_SET.has(value);
}

export function isBilling(value) {
  return typeof value === 'string' && BILLING_SET.has(value);
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

/** The word of an enum value in the best available locale for `locale`. */
function wordOf(words, value, locale) {
  return value === undefined ? undefined : words[value]?.[resolveLocale(locale)];
}

// The word of each Billing value, in every locale.
const BILLING_WORDS = {
  "Billed": {
    "de-DE": "In Rechnung gestellt",
    "en-US": "Billed",
    "es-ES": "Facturado",
    "fr-FR": "Facturé",
    "ja-JP": "課金されます",
    "ko-KR": "청구됨",
    "zh-CN": "计费",
  },
  "NotBilled": {
    "de-DE": "Nicht in Rechnung gestellt",
    "en-US": "Not billed",
    "es-ES": "No facturado",
    "fr-FR": "Non facturé",
    "ja-JP": "課金されません",
    "ko-KR": "청구되지 않음",
    "zh-CN": "不计费",
  },
};

// Table "powerStatesAndBilling": one record per PowerState: Description (text), Billing (enum of Billing).

// The value of each stated cell; text() reads its word from BILLING_WORDS.
const POWER_STATES_AND_BILLING_BILLING_VALUES = {
  "Starting": { "Billing": "Billed" },
  "Running": { "Billing": "Billed" },
  "Stopping": { "Billing": "Billed" },
  "Stopped": { "Billing": "Billed" },
  "Deallocating": { "Billing": "NotBilled" },
  "Deallocated": { "Billing": "NotBilled" },
};

// Each stated cell in every locale; the reference locale holds the canonical text.
const POWER_STATES_AND_BILLING_DESCRIPTION_TEXTS = {
  "Starting": {
    "Description": {
      "de-DE": "Die VM wird hochgefahren.",
      "en-US": "Virtual Machine is powering up.",
      "es-ES": "La máquina virtual se está iniciando.",
      "fr-FR": "La machine virtuelle est en cours de mise sous tension.",
      "ja-JP": "仮想マシンは起動中です。",
      "ko-KR": "가상 머신이 켜지는 중입니다.",
      "zh-CN": "虚拟机正在启动。",
    },
  },
  "Running": {
    "Description": {
      "de-DE": "Die VM ist vollständig hochgefahren. Dies ist der standardmäßige Arbeitszustand.",
      "en-US": "Virtual Machine is fully up. This is the standard working state.",
      "es-ES": "La máquina virtual está totalmente activa. Este es el estado de funcionamiento estándar.",
      "fr-FR": "La machine virtuelle est entièrement opérationnelle. Il s’agit de l’état de fonctionnement standard.",
      "ja-JP": "仮想マシンは完全に起動しました。 これが標準の動作状態です。",
      "ko-KR": "가상 머신이 완전히 작동합니다. 이는 표준 작업 상태입니다.",
      "zh-CN": "虚拟机已启动。 这是标准工作状态。",
    },
  },
  "Stopping": {
    "Description": {
      "de-DE": "Dies ist ein Übergangszustand zwischen „Wird ausgeführt“ und „Beendet“.",
      "en-US": "This is a transitional state between running and stopped.",
      "es-ES": "Se trata de un estado de transición entre la ejecución y la detención.",
      "fr-FR": "Il s’agit d’un état transitoire entre l’exécution et l’arrêt.",
      "ja-JP": "これは、実行中と停止間で遷移している状態です。",
      "ko-KR": "이는 실행 중과 중지됨 간의 전환 상태입니다.",
      "zh-CN": "这是运行和停止之间的过渡状态。",
    },
  },
  "Stopped": {
    "Description": {
      "de-DE": "Die VM wurde einem Host zugeordnet, aber nicht ausgeführt. Dieser Zustand wird auch als PoweredOff-Status oder als Beendet (zugeordnet) bezeichnet. Dieses Problem kann durch das Aufrufen des PowerOff-API-Vorgangs oder durch das Initiieren des Herunterfahrens von innerhalb des Gastbetriebssystems entstehen. Der Status „Beendet“ kann auch kurz während der VM-Erstellung oder beim Starten einer VM mit dem Status „Zuordnung aufgehoben“ angezeigt werden.",
      "en-US": "The Virtual Machine is allocated on a host but not running. Also called PoweredOff state or Stopped (Allocated). This can be result of invoking the PowerOff API operation or invoking shutdown from within the guest OS. The Stopped state may also be observed briefly during VM creation or while starting a VM from Deallocated state.",
      "es-ES": "La máquina virtual está asignada en un host, pero no se está ejecutando. También se denomina estado Apagada o Detenida (asignada) . Este estado puede ser la consecuencia de invocar la operación de la API de PowerOff o de invocar un apagado desde el sistema operativo invitado. El estado Detenida también se puede observar brevemente durante la creación de una máquina virtual o al iniciarla desde el estado Desasignada.",
      "fr-FR": "La Machine virtuelle est allouée sur un ordinateur hôte, mais pas en cours d’exécution. Egalement appelé état PoweredOff ou Arrêté (Alloué) . Cela peut être le résultat de l’appel de l’opération de l’API hors tension ou de l’appel de l’arrêt depuis le système d’exploitation invité. L’état Arrêté peut également être observé brièvement lors de la création de la machine virtuelle ou lors du démarrage d’une machine virtuelle à partir de l’état Désalloué.",
      "ja-JP": "仮想マシンはホスト上に割り当てられていますが、実行されていません。 PoweredOff 状態または 停止済み (割り当て済み) とも呼ばれます。 これは、PowerOff API 操作を呼び出すか、ゲスト OS 内からシャットダウンを呼び出すことによって発生することがあります。 VM の作成中、または割り当て解除済み状態から VM を起動しているときに、停止済み状態が一時的に検出されることもあります。",
      "ko-KR": "Virtual Machine이 호스트에 할당되었지만 실행되고 있지 않습니다. PoweredOff 상태 또는 중지됨(할당됨) 이라고도 합니다. 이는 PowerOff API 작업을 호출하거나 게스트 OS 내에서 종료를 호출한 결과일 수 있습니다. 중지됨 상태는 VM을 만드는 동안 또는 할당 해제된 상태에서 VM을 시작하는 동안 잠시 관찰될 수도 있습니다.",
      "zh-CN": "虚拟机已在主机上分配，但未运行。 也称为 PoweredOff 状态或“已停止(已分配)”。 这可能是调用 PowerOff API 操作或从来宾 OS 中调用关闭而导致的。 在 VM 创建期间或从“解除分配”状态启动 VM 时，也可能会暂时看到“已停止”状态。",
    },
  },
  "Deallocating": {
    "Description": {
      "de-DE": "Dies ist der Übergangszustand zwischen „Wird ausgeführt“ und „Zuordnung aufgehoben“.",
      "en-US": "This is the transitional state between running and deallocated.",
      "es-ES": "Este es el estado de transición entre la ejecución y la desasignación.",
      "fr-FR": "Il s’agit de l’état transitoire entre l’exécution et la désallocation.",
      "ja-JP": "これは、実行中と割り当て解除間で遷移している状態です。",
      "ko-KR": "실행 중과 할당 취소됨 간의 전환 상태입니다.",
      "zh-CN": "这是运行和已解除分配之间的过渡状态。",
    },
  },
  "Deallocated": {
    "Description": {
      "de-DE": "Die Lease für die zugrunde liegende Hardware auf der VM wurde freigegeben. Die VM ist vollständig ausgeschaltet. Dieser Zustand wird auch als Beendet (Zuordnung aufgehoben) bezeichnet.",
      "en-US": "The Virtual Machine has released the lease on the underlying hardware and is completely powered off. This state is also referred to as Stopped (Deallocated).",
      "es-ES": "La máquina virtual ha liberado la concesión en el hardware subyacente y está completamente apagada. Este estado también se conoce como Detenido (desasignado) .",
      "fr-FR": "La machine virtuelle a libéré le bail sur le matériel sous-jacent et est entièrement mise hors tension. Cet état est également appelé Arrêté (désalloué) .",
      "ja-JP": "Virtual Machine は、基になるハードウェアに対するリースから解放され、完全に電源が切られました。 この状態は、停止 (割り当て解除) とも呼ばれます。",
      "ko-KR": "가상 머신이 기본 하드웨어 임대를 해제하고 완전히 꺼졌습니다. 이 상태를 ‘중지됨(할당 취소됨)’이라고도 합니다.",
      "zh-CN": "虚拟机已解除对基础硬件的租用，并且已完全关闭电源。 这种状态也称为“已停止（已解除分配）”。",
    },
  },
};

// Table "provisioningStates": one record per ProvisioningState: Description (text).

// Each stated cell in every locale; the reference locale holds the canonical text.
const PROVISIONING_STATES_DESCRIPTION_TEXTS = {
  "Creating": {
    "Description": {
      "de-DE": "Die VM wird erstellt.",
      "en-US": "Virtual machine is being created.",
      "es-ES": "Virtual machine is being created.",
      "fr-FR": "La machine virtuelle est en cours de création.",
      "ja-JP": "仮想マシンの作成中です。",
      "ko-KR": "가상 머신을 만들고 있습니다.",
      "zh-CN": "Virtual machine is being created.",
    },
  },
  "Updating": {
    "Description": {
      "de-DE": "Die VM wird auf das neueste Modell aktualisiert. Einige Änderungen an einer VM, die nicht das Modell betreffen (z. B. Start oder Neustart), fallen ebenfalls unter den Zustand „Aktualisieren“.",
      "en-US": "Virtual machine is updating to the latest model. Some non-model changes to a virtual machine such as start and restart fall under the updating state.",
      "es-ES": "Virtual machine is updating to the latest model. Some non-model changes to a virtual machine such as start and restart fall under the updating state.",
      "fr-FR": "La machine virtuelle est en cours de mise à jour vers le dernier modèle. Certains changements apportés à une machine virtuelle et ne concernant pas un modèle, comme le démarrage et le redémarrage, relèvent de l’état de mise à jour.",
      "ja-JP": "仮想マシンを最新のモデルに更新しています。 起動や再起動などのモデル変更ではない一部の変更は、更新中状態に分類されます。",
      "ko-KR": "가상 머신을 최신 모델로 업데이트 하는 중입니다. 시작 및 다시 시작과 같은 가상 컴퓨터에 대 한 일부 비 모델 변경 내용이 업데이트 중 상태입니다.",
      "zh-CN": "Virtual machine is updating to the latest model. Some non-model changes to a virtual machine such as start and restart fall under the updating state.",
    },
  },
  "Failed": {
    "Description": {
      "de-DE": "Der letzte Vorgang für die Ressource der VM war nicht erfolgreich.",
      "en-US": "Last operation on the virtual machine resource was not successful.",
      "es-ES": "Last operation on the virtual machine resource was not successful.",
      "fr-FR": "La dernière opération sur la ressource de machine virtuelle a échoué.",
      "ja-JP": "仮想マシン リソースに対する最後の操作が成功しませんでした。",
      "ko-KR": "가상 컴퓨터 리소스에 대 한 마지막 작업이 실패 했습니다.",
      "zh-CN": "Last operation on the virtual machine resource was not successful.",
    },
  },
  "Succeeded": {
    "Description": {
      "de-DE": "Der letzte Vorgang für die Ressource der VM war erfolgreich.",
      "en-US": "Last operation on the virtual machine resource was successful.",
      "es-ES": "Last operation on the virtual machine resource was successful.",
      "fr-FR": "La dernière opération sur la ressource de machine virtuelle a réussi.",
      "ja-JP": "仮想マシン リソースに対する最後の操作が成功しました。",
      "ko-KR": "가상 컴퓨터 리소스에 대 한 마지막 작업이 성공 했습니다.",
      "zh-CN": "Last operation on the virtual machine resource was successful.",
    },
  },
  "Deleting": {
    "Description": {
      "de-DE": "Die VM wird gelöscht.",
      "en-US": "Virtual machine is being deleted.",
      "es-ES": "Virtual machine is being deleted.",
      "fr-FR": "La machine virtuelle est en cours de suppression.",
      "ja-JP": "仮想マシンの削除中です。",
      "ko-KR": "가상 컴퓨터를 삭제 하 고 있습니다.",
      "zh-CN": "Virtual machine is being deleted.",
    },
  },
  "Migrating": {
    "Description": {
      "de-DE": "Dies wird bei der Migration von Azure Service Manager zu Azure Resource Manager angezeigt.",
      "en-US": "Seen when migrating from Azure Service Manager to Azure Resource Manager.",
      "es-ES": "Seen when migrating from Azure Service Manager to Azure Resource Manager.",
      "fr-FR": "Visible lors de la migration d’Azure Service Manager vers Azure Resource Manager.",
      "ja-JP": "Azure Service Manager から Azure Resource Manager に移行するときに表示されます。",
      "ko-KR": "Azure Service Manager에서 Azure Resource Manager로 마이그레이션하는 경우 표시 됩니다.",
      "zh-CN": "Seen when migrating from Azure Service Manager to Azure Resource Manager.",
    },
  },
};

// Table "osProvisioningStates": one record per OSProvisioningState: Description (text).

// Each stated cell in every locale; the reference locale holds the canonical text.
const OS_PROVISIONING_STATES_DESCRIPTION_TEXTS = {
  "OSProvisioningInProgress": {
    "Description": {
      "de-DE": "Die VM wird ausgeführt, und die Initialisierung (Setup) des Gastbetriebssystem erfolgt aktuell.",
      "en-US": "The VM is running and the initialization (setup) of the Guest OS is in progress.",
      "es-ES": "La máquina virtual está en ejecución y la instalación del sistema operativo invitado está en curso.",
      "fr-FR": "La machine virtuelle est en cours d’exécution et l’initialisation (configuration) du système d’exploitation invité est en cours.",
      "ja-JP": "VM が実行中で、ゲスト OS の初期化 (設定) が進行しています。",
      "ko-KR": "VM이 실행 중 이며 게스트 OS의 초기화 (설치)가 진행 중입니다.",
      "zh-CN": "VM 正在运行，并且正在安装来宾 OS。",
    },
  },
  "OSProvisioningComplete": {
    "Description": {
      "de-DE": "Dies ist ein Zustand von kurzer Dauer. Der Status der VM geht schnell in Erfolgreich über. Wenn noch Erweiterungen installiert werden, wird dieser Status angezeigt, bis sie fertig sind.",
      "en-US": "This is a short-lived state. The virtual machine quickly transitions from this state to Success. If extensions are still being installed you will continue to see this state until they are complete.",
      "es-ES": "Se trata de un estado de corta duración. La máquina virtual pasa rápidamente de este estado a Correcto. Si todavía se están instalando las extensiones, seguirá viendo este estado hasta que se completen.",
      "fr-FR": "Il s’agit d’un état à courte durée de vie. La machine virtuelle passe rapidement de cet état à l’état Réussite. Si les extensions sont toujours en cours d’installation, vous continuez à voir cet état jusqu’à ce que l’opération soit terminée.",
      "ja-JP": "これは短期の状態です。 仮想マシンは、この状態からすぐに 成功 に遷移します。 拡張機能がまだインストール中の場合は、完了するまでこの状態は表示され続けます。",
      "ko-KR": "일시적으로 존재하는 상태입니다. 가상 머신은 이 상태에서 곧 성공 으로 전환됩니다. 확장이 아직 설치 중인 경우 설치가 완료될 때까지 이 상태가 계속 표시됩니다.",
      "zh-CN": "这是一种短暂的状态。 虚拟机将从此状态快速转换为“成功”。 如果仍在安装扩展，你将继续看到此状态，直到安装完成。",
    },
  },
  "Succeeded": {
    "Description": {
      "de-DE": "Die vom Benutzer initiierten Aktionen wurden abgeschlossen.",
      "en-US": "The user-initiated actions have completed.",
      "es-ES": "Se han completado las acciones iniciadas por el usuario.",
      "fr-FR": "Les actions lancées par l’utilisateur se sont terminées.",
      "ja-JP": "ユーザーが開始したアクションが完了しました。",
      "ko-KR": "사용자가 시작한 작업이 완료되었습니다.",
      "zh-CN": "用户发起的操作已完成。",
    },
  },
  "Failed": {
    "Description": {
      "de-DE": "Stellt einen fehlerhaften Vorgang dar. Weitere Informationen und mögliche Lösungen können Sie den Fehlercodes entnehmen.",
      "en-US": "Represents a failed operation. Refer to the error code for more information and possible solutions.",
      "es-ES": "Representa una operación con errores. Consulte el código de error para obtener más información y posibles soluciones.",
      "fr-FR": "Représente une opération ayant échoué. Pour obtenir plus d’informations et connaître les solutions possibles, reportez-vous au code d’erreur.",
      "ja-JP": "操作が失敗したことを表します。 詳細と考えられる解決策は、エラー コードを参照してください。",
      "ko-KR": "실패한 작업을 나타냅니다. 자세한 내용 및 가능한 해결 방법은 오류 코드를 참조합니다.",
      "zh-CN": "表示操作失败。 有关详细信息和可能的解决方案，请参阅错误代码。",
    },
  },
};

// The generic view: every table by id, read through lookup() and text().

export const TABLES = {
  "powerStatesAndBilling": { id: "powerStatesAndBilling", rows: POWER_STATES, columns: ["Description", "Billing"] },
  "provisioningStates": { id: "provisioningStates", rows: PROVISIONING_STATES, columns: ["Description"] },
  "osProvisioningStates": { id: "osProvisioningStates", rows: OS_PROVISIONING_STATES, columns: ["Description"] },
};

// How lookup() and text() read the cells of a matrix, or of each column of a record table.
const READERS = {
  "powerStatesAndBilling": {
    columns: {
      "Description": {
        value: (row, column) => cellOf(POWER_STATES_AND_BILLING_DESCRIPTION_TEXTS, row, column)?.[REFERENCE_LOCALE],
        text: (row, column, locale) => localized(cellOf(POWER_STATES_AND_BILLING_DESCRIPTION_TEXTS, row, column), locale),
      },
      "Billing": {
        value: (row, column) => cellOf(POWER_STATES_AND_BILLING_BILLING_VALUES, row, column),
        text: (row, column, locale) => wordOf(BILLING_WORDS, cellOf(POWER_STATES_AND_BILLING_BILLING_VALUES, row, column), locale),
      },
    },
  },
  "provisioningStates": {
    columns: {
      "Description": {
        value: (row, column) => cellOf(PROVISIONING_STATES_DESCRIPTION_TEXTS, row, column)?.[REFERENCE_LOCALE],
        text: (row, column, locale) => localized(cellOf(PROVISIONING_STATES_DESCRIPTION_TEXTS, row, column), locale),
      },
    },
  },
  "osProvisioningStates": {
    columns: {
      "Description": {
        value: (row, column) => cellOf(OS_PROVISIONING_STATES_DESCRIPTION_TEXTS, row, column)?.[REFERENCE_LOCALE],
        text: (row, column, locale) => localized(cellOf(OS_PROVISIONING_STATES_DESCRIPTION_TEXTS, row, column), locale),
      },
    },
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
