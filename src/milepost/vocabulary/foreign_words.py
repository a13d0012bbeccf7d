"""Status words of roadmaps written in other languages than English, as data: the common words
of French, Spanish, Portuguese, German, Italian, Russian, Chinese, Japanese, Turkish,
Vietnamese, Korean and Indonesian for done, in progress, planned, future, blocked and dropped,
and for a Status column's header.

:mod:`.status_words` reads them as it reads the English ones: lower-case, single-spaced, a
whole word or phrase (a CJK word stands alone or beside punctuation, never inside a sentence).
"""

from __future__ import annotations

from milepost.vocabulary.status import Status

__all__ = ["FOREIGN_PARTIAL", "FOREIGN_STATUS_HEADERS", "FOREIGN_WEAK_WORDS", "FOREIGN_WORDS"]

FOREIGN_WORDS: dict[Status, tuple[str, ...]] = {
    Status.DONE: (
        *("fait", "terminé", "achevé", "complété", "complet", "livré", "réalisé"),  # fr
        *("terminée", "terminées", "terminés", "réalisée", "réalisées", "réalisés"),  # fr
        *("livrée", "livrées", "livrés", "complétée", "complétées", "complétés"),  # fr
        *("hecho", "completado", "completada", "terminado", "terminada", "finalizado"),  # es
        *("completados", "completadas", "terminados", "terminadas", "finalizada"),  # es
        *("finalizados", "finalizadas"),  # es, pt
        *(
            "concluído",
            "concluido",
            "concluída",
            "concluídas",
            "concluídos",
            "feito",
            "pronto",
        ),  # pt
        *("erledigt", "fertig", "abgeschlossen", "umgesetzt", "erledigte", "abgeschlossene"),  # de
        *("implementiert", "implementado", "implementada", "implementato", "implémenté"),
        *("completato", "fatto", "terminato", "completata", "completate", "completati"),  # it
        *("terminata", "terminati"),  # it
        *("готово", "выполнено", "сделано", "завершено", "закрыто"),  # ru: closed too
        *(
            "已完成",
            "完成",
            "已实现",
            "已實現",
            "已落地",
            "已上线",
            "已上線",
            "已发布",
            "已發布",
        ),  # zh
        *("完了", "済み", "済", "実装済み", "対応済み"),  # ja
        *("tamamlandı", "tamamlanan", "bitti"),  # tr
        *("hoàn thành", "đã hoàn thành", "xong", "đã xong"),  # vi
        *("완료", "완료됨"),  # ko
        *("selesai", "sudah selesai", "dirilis", "telah dirilis", "sudah dirilis"),  # id
        *("voltooid", "afgerond", "klaar", "gereed", "opgeleverd", "gebouwd"),  # nl
        *("виконано", "завершено", "зроблено", "закрито"),  # uk: done, closed
        *("zrobione", "ukończone", "zakończone", "zrealizowane", "wykonane"),  # pl
        *("ferdig", "ferdigstilt", "fullført", "gjennomført", "færdig", "afsluttet"),  # no, da
        *("klar", "klart", "färdig", "färdigt", "implementerad", "implementerat"),  # sv
        *("منجز", "منجزة", "مكتمل", "مكتملة", "منتهي", "مشحون", "مشحونة", "تم الإنجاز"),  # ar
        *("تم التنفيذ", "تم التسليم"),  # ar: carried out, delivered
        *("הושלם", "הושלמה", "בוצע", "בוצעה", "הסתיים"),  # he
        *("تکمیل", "تکمیل شده", "تکمیل‌شده", "انجام شده", "انجام‌شده"),  # fa
        *("ολοκληρώθηκε", "ολοκληρωμένο", "ολοκληρωμένη"),  # el
    ),
    Status.IN_PROGRESS: (
        *("en cours", "en développement", "partiel", "en révision"),  # fr
        *("en progreso", "en curso", "en desarrollo", "en proceso", "parcial"),  # es
        *("en revisión",),  # es
        *("em andamento", "em progresso", "em desenvolvimento", "em revisão"),  # pt, "parcial"
        *("progredindo",),  # pt: progressing
        *("in arbeit", "in bearbeitung", "in entwicklung", "teilweise", "in prüfung"),  # de
        *("in corso", "in sviluppo", "parziale"),  # it
        *("в работе", "в процессе", "в разработке", "частично"),  # ru
        *("进行中", "進行中", "开发中", "開發中", "运行中", "運行中"),  # zh (running)
        *(
            "対応中",
            "作業中",
            "開発中",
            "ほぼ完了",
            "部分完了",
            "一部完了",
            "部分実装",
            "一部実装",
        ),  # ja
        *("devam ediyor", "sürüyor", "geliştiriliyor"),  # tr
        *("đang thực hiện", "đang triển khai", "đang làm", "đang phát triển"),  # vi
        *("진행 중", "진행중", "개발 중", "개발중", "부분 구현", "부분 완료"),  # ko
        *("sedang dikerjakan", "dalam proses", "dalam pengerjaan"),  # id
        *("belum selesai",),  # id: not yet finished
        *("in opbouw", "bezig", "in uitvoering", "in ontwikkeling", "lopend"),  # nl
        *("в процесі", "в роботі", "в розробці"),  # uk
        *("w trakcie", "w toku", "w przygotowaniu", "w realizacji"),  # pl
        *("pågår", "pågående", "under arbeid", "i gang", "under arbete", "i arbete"),  # no, sv
        *("قيد التنفيذ", "قيد التطوير", "قيد العمل", "جاري العمل", "جارٍ العمل"),  # ar
        *("בתהליך", "בעבודה", "בפיתוח"),  # he
        *("در حال انجام", "در حال توسعه"),  # fa
        *("σε εξέλιξη", "σε πρόοδο"),  # el
    ),
    Status.PLANNED: (
        *("à faire", "a faire", "prévu", "planifié", "à venir"),  # fr
        *("prévue", "prévues", "prévus", "planifiée", "planifiées", "planifiés"),  # fr
        *("pas commencé", "non commencé", "en attente"),  # fr ("en attente": pending)
        *("pendiente", "planificado", "planificada", "planeado", "planeada", "por hacer"),  # es
        *("pendientes", "planificados", "planificadas", "planeados", "planeadas"),  # es
        *("no empezado", "no iniciado", "sin empezar", "sin iniciar"),  # es
        *("planejado", "planejada", "planejados", "planejadas", "pendente", "a fazer"),  # pt
        *("pendentes",),  # pt
        *("não iniciado", "não iniciada", "não começado", "não começada"),  # pt
        *("geplant", "offen", "ausstehend", "nicht begonnen", "nicht gestartet", "geplante"),  # de
        *(
            "pianificato",
            "da fare",
            "non iniziato",
            "pianificata",
            "pianificate",
            "pianificati",
        ),  # it
        *("запланировано", "планируется", "не начато"),  # ru
        *(
            "计划中",
            "計劃中",
            "规划中",
            "待办",
            "待辦",
            "未开始",
            "未開始",
            "已规划",
            "已規劃",
        ),  # zh
        *("尚未开始", "尚未開始"),  # zh: not yet started
        *("予定", "未着手", "計画中"),  # ja
        *("planlandı", "planlanan", "planlanıyor", "yapılmadı", "yapılacak", "başlanmadı"),  # tr
        *("kế hoạch", "dự kiến", "chưa bắt đầu"),  # vi
        *("예정", "계획", "계획됨", "미착수"),  # ko
        *("direncanakan", "belum dimulai"),  # id
        *("gepland", "te doen", "niet gestart", "nog niet gestart"),  # nl
        *("заплановано", "не розпочато"),  # uk
        *("planowane", "zaplanowane", "do zrobienia", "nierozpoczęte"),  # pl
        *("ikke startet", "ikke påbegynt", "ikke påbegyndt", "planlagt"),  # no, da
        *("ej startad", "ej påbörjad", "inte påbörjad", "inte startad", "planerad"),  # sv
        *(
            "مخطط",
            "مخطط له",
            "مخططة",
            "لم يتم",
            "لم يبدأ",
            "لم يتم البدء",
            "لم يتم البدء بها",
        ),  # ar
        *("מתוכנן", "מתוכננת", "טרם התחיל", "לא התחיל"),  # he
        *("برنامه‌ریزی شده", "برنامه ریزی شده", "شروع نشده"),  # fa
        *("προγραμματισμένο", "σχεδιασμένο"),  # el
    ),
    Status.FUTURE: (
        *("futur", "futuro", "zukunft", "später", "zukunftsphase"),  # fr, es / it / pt, de
        *("아이디어", "장기 아이디어", "향후"),  # ko: an idea, a long-term one, later on
        *("в будущем",),  # ru: in the future
        *("futuras", "futuros", "zukünftige"),  # es / pt, fr, de
        *("未来", "将来", "构思中", "構思中", "未來", "將來"),  # zh, ja; zh-Hant
        *("idee", "ideeën", "toekomst"),  # nl
        *("framtida", "fremtidig", "senere", "senare"),  # sv, no, da
        *("مستقبلاً", "مستقبلا", "مستقبلي"),  # ar
        *("עתידי", "באופק"),  # he: future, on the horizon
        *("آینده",),  # fa
        *("μελλοντικό",),  # el
    ),
    Status.BLOCKED: (
        *("bloqué", "bloqueado", "blockiert", "bloccato", "заблокировано"),
        *("en espera", "aguardando"),  # es, pt: on hold, waiting
        *(
            "阻塞",
            "受阻",
            "暂缓",
            "暫緩",
            "暂停",
            "暫停",
            "已暂停",
            "已暫停",
        ),  # zh: blocked, on hold, paused
        *("geblokkeerd", "in de wacht", "заблоковано"),  # nl, uk
        *("ブロック中", "보류", "보류 중"),  # ja: blocked; ko: on hold
        *("blokkert", "blockerad", "på vent", "pausad"),  # no, sv
        *("متوقف", "متوقفة", "محجوب"),  # ar
        *("חסום", "מושהה"),  # he
        *("مسدود",),  # fa
        *("μπλοκαρισμένο",),  # el
    ),
    Status.DROPPED: (
        *("abandonné", "annulé", "cancelado", "descartado", "verworfen", "abgebrochen"),
        *("annullato", "отменено", "已取消", "取消", "中止"),
        *("removido", "removida", "removido do escopo", "fora do escopo"),  # pt: out of scope
        *("eliminado", "eliminada", "fuera de alcance", "abandonado", "abandonada"),  # es
        *("iptal", "iptal edildi", "kapsam dışı", "hủy", "đã hủy", "취소", "dibatalkan"),
        *("geannuleerd", "geschrapt", "скасовано"),  # nl, uk
        *("utgår", "avbrutt", "avlyst", "kansellert", "avbruten", "droppet"),  # no, sv
        *("ملغى", "ملغي", "ملغاة", "مرفوض", "مرفوضة"),  # ar
        *("בוטל", "בוטלה", "נדחה"),  # he
        *("لغو شده", "لغو"),  # fa
        *("ακυρώθηκε",),  # el
    ),
}

# Words that are statuses only in a Status cell, a label or a tag, never as heading scope.
# "Partial", as other languages write it: work partly done, in progress.
FOREIGN_PARTIAL = frozenset({"partiel", "parcial", "teilweise", "parziale", "частично"})

FOREIGN_WEAK_WORDS = frozenset(
    {"pronto", "offen", "futur", "futuro", "完成", "済", "予定", "progredindo"}
    # removed, implemented: as "removed" and "implemented" (a Status cell says them so)
    | {"removido", "removida", "eliminado", "eliminada"}
    | {"implementiert", "implementado", "implementada", "implementato", "implémenté"}
    | {"مخطط", "مخططة"}  # ar: planned, and also a schema ("(مخطط v8)": schema version 8)
    | {"закрито", "закрыто"}  # uk, ru: closed, as "closed" (an access table's "Закрито")
    | FOREIGN_PARTIAL
)

# A Status column's header: "Statut", "Estado", "Статус", "状态".
FOREIGN_STATUS_HEADERS = frozenset(
    {"statut", "état", "estado", "situação", "stato", "статус", "состояние", "状态", "狀態"}
    | {"状態", "ステータス", "進捗", "durum", "trạng thái", "상태", "진행 상황"}
    | {"现状", "現状", "現狀"}  # zh, ja: the current state
    | {"الحالة", "حالة", "סטטוס", "מצב", "وضعیت", "κατάσταση"}
)
