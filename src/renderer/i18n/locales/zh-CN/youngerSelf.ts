/** The "youngerSelf" strings in 简体中文. Keys must match the English file exactly (a test checks). */
export default {
  open: '和过去的自己聊聊',
  formTitle: '和过去的自己聊聊',
  byDates: '日期',
  byAge: '年龄',
  from: '从',
  to: '到',
  age: '年龄',
  name: '名字',
  start: '开始',
  cancel: '取消',
  starting: '正在开始…',
  startFailed: '无法开始：{{message}}',
  sendWhole: '放得下时发送整段时期的日记',
  privacyTitle: '会发送什么',
  privacyRemote:
    '每条消息，Penpal 都会把所选时期中与它相关的几则日记（摘录，绝不是整本日记）以及根据日记写成的简短自我介绍发送给 {{host}}。只有勾选“放得下时发送整段时期的日记”时，才会发送这段时期的全部日记。时期以外的日记和你排除的日记永远不会发送。',
  privacyLocal:
    '你的端点（{{host}}）运行在这台电脑或你自己的网络上：没有任何内容离开本机。每条消息，Penpal 会把所选时期中相关的日记发送给它；时期以外的日记和排除的日记永远不会发送。',
  privacyUnderstood: '我知道了',
  sources: '来源',
  sourceLabel: '打开 {{date}} 的日记',
} as const;
