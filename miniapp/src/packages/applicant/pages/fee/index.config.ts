export default definePageConfig({ navigationBarTitleText: '评审费', enablePullDownRefresh: true });
